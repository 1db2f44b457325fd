package quickhelp

// UserAttributeNames lets the acceptance tests compare every attribute the
// resource and the data sources share.
var UserAttributeNames = userAttributeNames
