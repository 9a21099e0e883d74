extension ConfigReader {
    /// The entries of a list of tables, each wrapped for typed reads.
    public func tableEntries(_ key: String) throws(ConfigError) -> [ConfigTable] {
        try tables(key).enumerated().map { index, values in
            ConfigTable(path: path, label: "\(key)[\(index + 1)]", values: values)
        }
    }

    /// A member key (`console:sam`, `matrix:@sam:example.org`), validated.
    func memberKeys(_ key: String) throws(ConfigError) -> [String]? {
        guard has(key) else { return nil }
        let keys = try strings(key)
        for memberKey in keys where !MemberKeyFormat.isValid(memberKey) {
            throw .invalidValue(
                path: path, key: key,
                message: "expected member keys written platform:id (such as \"console:sam\" or \"discord:80351110224678912\"), found \"\(memberKey)\"")
        }
        return keys
    }
}
