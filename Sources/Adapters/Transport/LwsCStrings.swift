import Glibc

/// C strings handed to libwebsockets that must outlive the call (connect
/// info, vhost names, CA paths), freed together when the owner goes away.
///
/// Only the service thread or the owner's initialiser touches it.
final class LwsCStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    init() {}

    deinit {
        for pointer in pointers { free(pointer) }
    }

    /// A C copy of `string`, valid until this object is released.
    func copy(_ string: String) -> UnsafeMutablePointer<CChar>? {
        guard let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return pointer
    }

    /// Like `copy`, but nil stays nil.
    func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        string.flatMap { copy($0) }
    }
}
