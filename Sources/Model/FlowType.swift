/// Connect's contact flow types, spelled as the API spells them.
public enum FlowType: String, Sendable, Hashable, CaseIterable {
    case contactFlow = "CONTACT_FLOW"
    case customerQueue = "CUSTOMER_QUEUE"
    case customerHold = "CUSTOMER_HOLD"
    case customerWhisper = "CUSTOMER_WHISPER"
    case agentHold = "AGENT_HOLD"
    case agentWhisper = "AGENT_WHISPER"
    case outboundWhisper = "OUTBOUND_WHISPER"
    case agentTransfer = "AGENT_TRANSFER"
    case queueTransfer = "QUEUE_TRANSFER"
    case campaign = "CAMPAIGN"
}
