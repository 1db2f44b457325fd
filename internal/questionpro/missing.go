package questionpro

// vendorName is how diagnostics name the vendor.
const vendorName = "QuestionPro"
