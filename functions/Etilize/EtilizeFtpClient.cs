using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CowansSync.Functions.Settings;
using Polly;

namespace CowansSync.Functions.Etilize;

// FtpWebRequest is obsolete (SYSLIB0014), but it is the only FTP client that restores here (FluentFTP does not,
// see ENVIRONMENT.md); this adapter is its only user, so the warning is silenced here and nowhere else.
#pragma warning disable SYSLIB0014

/// <summary>
/// The Etilize FTP folder over <see cref="FtpWebRequest"/>: passive, binary, optionally explicit TLS. Listing is
/// LIST (names and sizes) plus MDTM per wanted file (LIST times have minute precision at best).
/// </summary>
/// <remarks>
/// Each operation opens its own connection (no keep-alive), so a server restart never leaves a dead pooled
/// connection. Transient failures are retried by the pipeline; a download is retried from the start.
/// </remarks>
public sealed partial class EtilizeFtpClient
{
    private readonly EtilizeOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _directory;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Host, port, user, password, folder and TLS.</param>
    /// <param name="pipeline">The retry pipeline (<see cref="EtilizeFtpResilience.Create"/>).</param>
    /// <exception cref="InvalidOperationException">Etilize is not configured.</exception>
    public EtilizeFtpClient(EtilizeOptions options, ResiliencePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host) || string.IsNullOrEmpty(options.User) || options.Password is null)
        {
            throw new InvalidOperationException("Etilize is not configured: set Etilize__Host, Etilize__User and Etilize__Password.");
        }

        _options = options;
        _pipeline = pipeline;
        var folder = string.Join('/', options.Directory.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        _directory = new Uri(string.Create(CultureInfo.InvariantCulture, $"ftp://{options.Host}:{options.Port}/{folder}{(folder.Length > 0 ? "/" : string.Empty)}"));
    }

    /// <summary>The folder's regular files whose names <paramref name="include"/> accepts, with size and modified time.</summary>
    /// <param name="include">Which names to stat (each costs one MDTM).</param>
    /// <param name="cancellationToken">Stops the listing and its retries.</param>
    /// <returns>The files, in listing order.</returns>
    /// <exception cref="EtilizeFtpException">The server refused the login or the folder, or kept failing.</exception>
    public async Task<IReadOnlyList<EtilizeFtpFile>> ListAsync(Func<string, bool> include, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(include);
        return await _pipeline.ExecuteAsync(async token =>
        {
            var listing = await SendAsync(_directory, WebRequestMethods.Ftp.ListDirectoryDetails, ReadAllTextAsync, token);
            var files = new List<EtilizeFtpFile>();
            foreach (var (name, size) in ParseListing(listing).Where(entry => include(entry.Name)))
            {
                var modifiedAt = await SendAsync(FileUri(name), WebRequestMethods.Ftp.GetDateTimestamp, static (response, _) => Task.FromResult(response.LastModified), token);
                files.Add(new EtilizeFtpFile(name, size, new DateTimeOffset(DateTime.SpecifyKind(modifiedAt.ToUniversalTime(), DateTimeKind.Utc))));
            }

            return files;
        }, cancellationToken);
    }

    /// <summary>Downloads a file and hands its content, as a stream, to <paramref name="consume"/>; a failed attempt is repeated whole.</summary>
    /// <param name="fileName">The file's name in the folder.</param>
    /// <param name="consume">Reads the content to its end (e.g. uploads it); must be repeatable.</param>
    /// <param name="cancellationToken">Stops the download and its retries.</param>
    /// <returns>A task that completes when <paramref name="consume"/> has.</returns>
    /// <exception cref="EtilizeFtpException">The server refused the file (550: missing or not permitted), or kept failing.</exception>
    public async Task DownloadAsync(string fileName, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(consume);
        await _pipeline.ExecuteAsync(async token => await SendAsync(FileUri(fileName), WebRequestMethods.Ftp.DownloadFile, async (response, innerToken) =>
        {
            await using var content = response.GetResponseStream();
            await consume(content, innerToken);
            return true;
        }, token), cancellationToken);
    }

    private Uri FileUri(string fileName) => new(_directory, Uri.EscapeDataString(fileName));

    private async Task<T> SendAsync<T>(Uri uri, string method, Func<FtpWebResponse, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = method;
        request.Credentials = new NetworkCredential(_options.User, _options.Password);
        request.UsePassive = true;
        request.UseBinary = true;
        request.KeepAlive = false;
        request.EnableSsl = _options.UseTls;
        // FtpWebRequest ignores tokens; aborting is how a cancelled or timed-out attempt lets go of the sockets.
        await using var abort = cancellationToken.Register(request.Abort);
        try
        {
            using var response = (FtpWebResponse)await request.GetResponseAsync();
            return await read(response, cancellationToken);
        }
        catch (WebException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(error, uri);
        }
    }

    private static EtilizeFtpException Translate(WebException error, Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (error.Response is FtpWebResponse { StatusCode: var code } response)
        {
            var reply = response.StatusDescription?.Trim();
            // 4xx is transient by definition; ftp-srv also answers 551 when it cannot read a file right now.
            var transient = (int)code is >= 400 and < 500 or 551;
            var what = code switch
            {
                FtpStatusCode.NotLoggedIn => "refused the login; check Etilize__User and Etilize__Password",
                FtpStatusCode.ActionNotTakenFileUnavailable => $"has no readable {path} (missing or not permitted)",
                _ => $"failed on {path}",
            };
            return new EtilizeFtpException($"The Etilize FTP server {what}: {reply}", code, transient, error);
        }

        var lost = error.Status is not (WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.TrustFailure or WebExceptionStatus.SecureChannelFailure);
        return new EtilizeFtpException($"The Etilize FTP server could not be reached for {path}: {error.Message}", null, lost, error);
    }

    private static async Task<string> ReadAllTextAsync(FtpWebResponse response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(response.GetResponseStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Regular files of a unix <c>ls -l</c> listing (what ftp-srv and most servers send for LIST).</summary>
    internal static IEnumerable<(string Name, long Size)> ParseListing(string listing)
    {
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ListingLine().Match(line);
            if (match.Success && match.Groups["type"].Value == "-")
            {
                yield return (match.Groups["name"].Value, long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture));
            }
        }
    }

    [GeneratedRegex(@"^(?<type>[-dlcbps])[-rwxsStT]{9}\S*\s+\d+\s+\S+\s+\S+\s+(?<size>\d+)\s+\w{3}\s+\d{1,2}\s+(?:\d{1,2}:\d{2}|\d{4})\s(?<name>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListingLine();
}
