package qacomplete

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Error texts. [I] qacomplete-api.md §2: the document names "Access is
// denied" and "File or directory not found" and they match the IIS error
// pages, whose wording is used here.
const (
	msgUnauthorized = "401 - Unauthorized: Access is denied due to invalid credentials."
	msgForbidden    = "403 - Forbidden: Access is denied."
	msgNotFound     = "404 - File or directory not found."
	msgBadRequest   = "The request is invalid."
)

// errorBody is the error envelope.
// [I] qacomplete-api.md §2: no error body shape is documented; the JSON
// {"message": "..."} of an ASP.NET Web API is the emulator's choice.
type errorBody struct {
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Message: msg})
}

// writeJSON answers like the samples: compact JSON with
// "application/json; charset=utf-8" (§1 Headers, §5.1.4 sample), and no HTML
// escaping, which .NET does not do either.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "qacomplete emulator: cannot encode response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
