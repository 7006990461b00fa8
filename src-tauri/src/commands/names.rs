// The commands the webview may call, included by build.rs (for the ACL) and lib.rs.
&[
    "validate_value",
    "flow_list",
    "settings_get",
    "settings_set",
    "store_status",
    "store_unlock",
    "case_list",
    "case_new",
    "case_delete",
]
