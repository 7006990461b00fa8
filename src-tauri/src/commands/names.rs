// The commands the webview may call, included by build.rs (for the ACL) and lib.rs.
&["validate_value"]
