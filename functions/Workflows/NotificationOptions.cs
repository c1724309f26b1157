namespace CowansSync.Functions.Workflows;

/// <summary>Where run notifications go (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>An HTTP(S) URL that receives a JSON POST per notification; none by default (notifications are only logged).</summary>
    public Uri? WebhookUrl { get; set; }
}
