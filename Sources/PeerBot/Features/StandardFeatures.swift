/// The features a running bot has, built from configuration, in the order
/// they see messages and are listed by `!help`.
public enum StandardFeatures {
    public static func make(
        configuration: BotConfiguration, directory: ResourceDirectory, crisisMatcher: CrisisMatcher
    ) -> [any Feature] {
        // Escalation comes before crisis offers: a member's private message while
        // their ticket is open is relayed to facilitators, not scanned.
        let features: [any Feature] = [
            ResourcesFeature(directory: directory),
            EscalationFeature(configuration: configuration, directory: directory),
            RotaFeature(settings: configuration.rota),
            CrisisFeature(configuration: configuration, directory: directory, matcher: crisisMatcher),
        ]
        return features + [DataRightsFeature(features: features), RetentionFeature(features: features)]
    }
}
