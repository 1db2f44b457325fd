package quickhelp

// vendorName is how diagnostics name the vendor.
const vendorName = "QuickHelp"
