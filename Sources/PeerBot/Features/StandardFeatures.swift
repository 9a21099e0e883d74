/// The features a running bot has, built from configuration, in the order
/// they see messages and are listed by `!help`.
public enum StandardFeatures {
    public static func make(
        configuration: BotConfiguration, directory: ResourceDirectory, crisisMatcher: CrisisMatcher
    ) -> [any Feature] {
        // Order matters for non-command messages, which stop at the first feature
        // that handles them: escalation first (a member's private message while
        // their ticket is open is relayed to facilitators), then crisis offers
        // (so an answer to a check-in prompt such as "1, I want to hurt myself"
        // is still scanned), then check-ins (which take that answer).
        let features: [any Feature] = [
            ResourcesFeature(directory: directory),
            EscalationFeature(configuration: configuration, directory: directory),
            RotaFeature(settings: configuration.rota),
            CrisisFeature(configuration: configuration, directory: directory, matcher: crisisMatcher),
            CheckinsFeature(settings: configuration.checkins),
            AgreementsFeature(settings: configuration.agreements),
            BoundariesFeature(settings: configuration.boundaries, agreements: configuration.agreements),
        ]
        return features + [DataRightsFeature(features: features), RetentionFeature(features: features)]
    }
}
