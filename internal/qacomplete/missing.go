package qacomplete

// vendorName is how diagnostics name the vendor.
const vendorName = "QAComplete"
