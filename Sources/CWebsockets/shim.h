#ifndef PEERBOT_CWEBSOCKETS_SHIM_H
#define PEERBOT_CWEBSOCKETS_SHIM_H

#include <libwebsockets.h>

// Macros do not import into Swift; these constants and helpers stand in for them.
static inline size_t peerbot_lws_pre(void) { return LWS_PRE; }
static inline int peerbot_context_port_no_listen(void) { return CONTEXT_PORT_NO_LISTEN; }
static inline unsigned long long peerbot_lws_server_option_do_ssl_global_init(void) {
    return LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
}
static inline unsigned long long peerbot_lws_server_option_validate_utf8(void) {
    return LWS_SERVER_OPTION_VALIDATE_UTF8;
}
static inline int peerbot_lws_log_errors_and_warnings(void) { return LLL_ERR | LLL_WARN; }

// The permessage-deflate extension callback, as a plain function pointer for the extensions array.
static inline lws_extension_callback_function *peerbot_lws_pm_deflate_callback(void) {
    return lws_extension_callback_pm_deflate;
}

// lws_write_ws_flags is a static inline helper; re-exported so its flags arrive as the enum type.
static inline enum lws_write_protocol peerbot_lws_write_flags(int binary, int is_start, int is_end) {
    return (enum lws_write_protocol)lws_write_ws_flags(binary ? LWS_WRITE_BINARY : LWS_WRITE_TEXT, is_start, is_end);
}

// Closes a connection from the service thread at the next opportunity, in any state
// (used to abandon a connect that the caller cancelled).
static inline void peerbot_lws_kill_async(struct lws *wsi) {
    lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
}

#endif
