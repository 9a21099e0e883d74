#ifndef PEERBOT_LOADER_SUPPORT_H
#define PEERBOT_LOADER_SUPPORT_H

// What CurlLoader.c and WebsocketsLoader.c share: opening a library and looking up its functions.
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define PEERBOT_POINTER_FIELD(ret, name, params, args) ret(*name) params;

// Opens `soname`; on failure records why in `error` and returns NULL.
static inline void *peerbot_open(const char *soname, char *error, size_t size) {
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) snprintf(error, size, "cannot load %s: %s", soname, dlerror());
    return library;
}

// Looks up `name` into `api.name`; when it is missing, records why and returns from the loader.
#define PEERBOT_LOOKUP(api, name, library)                                                     \
    do {                                                                                            \
        *(void **)&api.name = dlsym(library, #name);                                                \
        if (!api.name) {                                                                            \
            snprintf(api.error, sizeof api.error, "%s has no %s", soname, #name);                   \
            return;                                                                                 \
        }                                                                                           \
    } while (0)

#endif
