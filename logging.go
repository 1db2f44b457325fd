package main

import "os"

// sdkLogLevelVars are the variables the plugin SDKs read for their log
// levels. Each defaults to TRACE when unset.
var sdkLogLevelVars = []string{
	"TF_LOG_SDK",           // terraform-plugin-go
	"TF_LOG_SDK_PROTO",     // terraform-plugin-go protocol subsystem
	"TF_LOG_SDK_FRAMEWORK", // terraform-plugin-framework
	"TF_LOG_PROVIDER_SAAS", // this provider's own logger and its per-vendor subsystems
}

// silenceDiscardedLogs turns the SDK loggers off when Terraform (or OpenTofu)
// will throw every provider log line away: with neither TF_LOG nor
// TF_LOG_PROVIDER set, the CLI discards what a provider writes, yet the
// SDKs still build and JSON-encode each TRACE line, which on a refresh of a
// few thousand resources costs about a quarter of the provider's CPU. A
// level set explicitly is always left alone, and any TF_LOG setting keeps
// every line, so debugging works as usual.
func silenceDiscardedLogs() {
	if os.Getenv("TF_LOG") != "" || os.Getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, v := range sdkLogLevelVars {
		if os.Getenv(v) == "" {
			_ = os.Setenv(v, "off")
		}
	}
}
