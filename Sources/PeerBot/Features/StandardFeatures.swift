/// The features a running bot has, built from configuration, in the order
/// they see messages and are listed by `!help`.
public enum StandardFeatures {
    public static func make(configuration: BotConfiguration, directory: ResourceDirectory) -> [any Feature] {
        [
            ResourcesFeature(directory: directory),
            CheckinsFeature(settings: configuration.checkins),
            AgreementsFeature(settings: configuration.agreements),
            BoundariesFeature(settings: configuration.boundaries, agreements: configuration.agreements),
        ]
    }
}
