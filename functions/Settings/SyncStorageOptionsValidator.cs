using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Settings;

/// <summary>Validates <see cref="SyncStorageOptions"/> at start: exactly one of the two forms, and a parsable connection string.</summary>
internal sealed class SyncStorageOptionsValidator : IValidateOptions<SyncStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncStorageOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString && options.UsesIdentity)
        {
            return ValidateOptionsResult.Fail(
                "Set either the setting SyncStorage (a connection string) or SyncStorage__accountName / SyncStorage__*ServiceUri (a managed identity), not both.");
        }

        if (!hasConnectionString && !options.UsesIdentity)
        {
            return ValidateOptionsResult.Fail(
                "The setting SyncStorage is required: a storage connection string (UseDevelopmentStorage=true for Azurite), " +
                "or SyncStorage__accountName (or SyncStorage__blobServiceUri, __queueServiceUri and __tableServiceUri) for a managed identity.");
        }

        try
        {
            // Blob first: its parser's messages name what is wrong without quoting the connection string.
            options.CreateBlobServiceClient();
            options.CreateQueueServiceClient();
            options.CreateTableServiceClient();
            return ValidateOptionsResult.Success;
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail(options.UsesIdentity
                ? $"The SyncStorage__* identity settings are invalid: {error.Message}"
                : $"The setting SyncStorage is not a valid connection string: {error.Message}");
        }
    }
}
