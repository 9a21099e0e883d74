/// The outbox's JSON for an action, written directly. It has the keys and
/// values `JSONEncoder` writes for the synthesized `Codable` conformance (so
/// `JSONDecoder` reads it back, and rows written either way mix), at a
/// fraction of the cost: every answer the bot gives is encoded once.
extension OutboundAction {
    var outboxJSON: String {
        var json = JSONText()
        json.object { json in
            switch self {
            case .send(let channel, let text):
                json.field("send") { json in
                    json.object { json in
                        json.field("channel") { $0.channel(channel) }
                        json.field("text") { $0.string(text) }
                    }
                }
            case .replyPrivately(let member, let text, let origin):
                json.field("replyPrivately") { json in
                    json.object { json in
                        json.field("member") { $0.member(member) }
                        json.field("text") { $0.string(text) }
                        if let origin {
                            json.field("origin") { json in
                                json.object { json in
                                    json.field("channel") { $0.channel(origin.channel) }
                                    json.field("messageID") { $0.string(origin.messageID) }
                                }
                            }
                        }
                    }
                }
            case .page(let channel, let text, let mentions, let ticket):
                json.field("page") { json in
                    json.object { json in
                        json.field("channel") { $0.channel(channel) }
                        json.field("text") { $0.string(text) }
                        json.field("mentions") { json in json.array(mentions) { $0.member($1) } }
                        json.field("ticket") { $0.integer(ticket) }
                    }
                }
            case .react(let channel, let messageID, let emoji):
                json.field("react") { json in
                    json.object { json in
                        json.field("channel") { $0.channel(channel) }
                        json.field("messageID") { $0.string(messageID) }
                        json.field("emoji") { $0.string(emoji) }
                    }
                }
            }
        }
        return json.text
    }
}

extension JSONText {
    fileprivate mutating func channel(_ channel: ChannelRef) {
        object { json in
            json.field("platform") { $0.string(channel.platform.rawValue) }
            if let space = channel.space { json.field("space") { $0.string(space) } }
            json.field("id") { $0.string(channel.id) }
            if let name = channel.name { json.field("name") { $0.string(name) } }
            json.field("isDirect") { $0.boolean(channel.isDirect) }
        }
    }

    fileprivate mutating func member(_ member: MemberRef) {
        object { json in
            json.field("platform") { $0.string(member.platform.rawValue) }
            json.field("id") { $0.string(member.id) }
            json.field("handle") { $0.string(member.handle) }
        }
    }
}
