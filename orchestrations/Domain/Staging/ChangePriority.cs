namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>How urgently a change should be reviewed and applied; stored and shown as the number 1–5.</summary>
public enum ChangePriority
{
    /// <summary>1: apply first.</summary>
    Critical = 1,

    /// <summary>2.</summary>
    High = 2,

    /// <summary>3: the default.</summary>
    Normal = 3,

    /// <summary>4.</summary>
    Low = 4,

    /// <summary>5: bulk work, last.</summary>
    Batch = 5,
}
