package twosms

// vendorName is how diagnostics name the vendor.
const vendorName = "2sms"
