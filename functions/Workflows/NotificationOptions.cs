namespace CowansSync.Functions.Workflows;

/// <summary>Where notifications go and how they are signed and retried (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>An HTTP(S) URL that receives a JSON POST per notification; none by default (notifications are only logged).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The key of the <c>X-CowansSync-Signature</c> HMAC; unsigned when none is set.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Attempts per delivery, the first included, for a receiver that fails transiently (default 4).</summary>
    public int MaxAttempts { get; set; } = 4;
}
