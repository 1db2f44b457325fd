package sandbox

// Setting is one attribute of a vendor's block in the provider configuration
// that points the provider at an emulator, besides base_url.
type Setting struct {
	Attribute string // attribute name in the vendor's provider block, e.g. "username"
	EnvVar    string // the environment variable the provider falls back to
	Value     string // the sandbox's current value (sandbox-only, never a real secret)
	Sensitive bool   // print as an environment variable rather than in the block
}

// Describer is implemented by emulators that can say how a provider
// configuration reaches them; saas-sandbox uses it to print a ready-to-paste
// provider block. BaseURLEnv names the variable that carries base_url.
type Describer interface {
	BaseURLEnv() string
	ProviderSettings() []Setting
}
