import ConnectAPI
import Model

/// Shapes of the live projection that several kinds share (each kind's handler projects its
/// own search results: ids become names, times `HH:MM-HH:MM`, ARNs in flow content `${kind:NAME}`).
enum LiveProjection {
    static func time(_ t: HoursOfOperationTimeSlice) -> String {
        TimeOfDay(hours: t.Hours, minutes: t.Minutes).description
    }
}
