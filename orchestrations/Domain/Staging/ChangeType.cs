namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>What a staged change does to a product.</summary>
public enum ChangeType
{
    /// <summary>The product does not exist on the target yet.</summary>
    Create,

    /// <summary>Some fields of an existing product change.</summary>
    Update,

    /// <summary>The product goes away.</summary>
    Delete,
}
