namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>How strict Xorosoft validation is (the API's <c>validation_mode</c>).</summary>
public enum XorosoftValidationMode
{
    /// <summary>Only exact, UPC and part-number hits make an item known.</summary>
    Strict,

    /// <summary>Fuzzy hits count too.</summary>
    Fuzzy,
}
