#ifndef PEERBOT_CTRANSPORTLOADER_H
#define PEERBOT_CTRANSPORTLOADER_H

// libcurl and libwebsockets are loaded with dlopen the first time the transport
// calls one of their functions, not by the dynamic linker at start: a process
// without a platform adapter (`peerbot console`, check-config) then never maps
// them nor the ~30 libraries they pull in (OpenSSL, GnuTLS, Kerberos, LDAP, ...).
// CurlLoader.c and WebsocketsLoader.c define the curl_* and lws_* functions the
// transport uses, each forwarding to the library's own.

/// Why libcurl could not be loaded (dlerror's text), or NULL when it is loaded or not yet tried.
const char *peerbot_curl_load_error(void);
/// Why libwebsockets could not be loaded, or NULL when it is loaded or not yet tried.
const char *peerbot_lws_load_error(void);

#include <stddef.h>

/// Why OpenSSL refused the server's certificate, from the X509_STORE_CTX that
/// libwebsockets passes with LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
/// writes e.g. "unable to get local issuer certificate (the server's own
/// certificate)" into `buffer` and returns 1, or returns 0 when there is no error
/// or OpenSSL's functions could not be found.
int peerbot_tls_verify_problem(void *store_context, char *buffer, size_t size);

#endif
