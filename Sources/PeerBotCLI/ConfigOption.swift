import ArgumentParser

/// `--config FILE`, shared by every subcommand that reads the configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The configuration file.")
    var config: String = "config/peerbot.toml"
}
