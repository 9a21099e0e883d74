#ifndef PEERBOT_CWEBSOCKETS_SHIM_H
#define PEERBOT_CWEBSOCKETS_SHIM_H

#include <libwebsockets.h>

// Macros do not import into Swift; these constants and helpers stand in for them.
static inline size_t peerbot_lws_pre(void) { return LWS_PRE; }
static inline int peerbot_context_port_no_listen(void) { return CONTEXT_PORT_NO_LISTEN; }
static inline unsigned long long peerbot_lws_server_option_do_ssl_global_init(void) {
    return LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
}

#endif
