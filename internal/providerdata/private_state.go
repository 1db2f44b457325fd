package providerdata

// PrivateStateKeys is implemented by a resource that keeps keys of its own
// in the framework's private state. The provider answers plans that change
// nothing without the framework, and without the private data (its type
// cannot be built outside the framework); its differential test plans
// states holding every key a resource names here, so a plan logic that
// reads one on such a plan is caught. A convention test requires it of
// every resource whose package reads or writes private state.
type PrivateStateKeys interface {
	// PrivateStateKeys names the keys; their values are JSON booleans.
	PrivateStateKeys() []string
}
