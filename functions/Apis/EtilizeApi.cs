using System.Net;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/etilize</c>: start an import (the timer's run, on demand), follow it, fetch a named file, list the files seen.</summary>
/// <param name="provider">Resolves the FTP adapters only once Etilize is known to be configured.</param>
/// <param name="options">The Etilize settings.</param>
/// <param name="audit">The audit log.</param>
public sealed class EtilizeApi(IServiceProvider provider, IOptions<EtilizeOptions> options, AuditLog audit)
{
    private EtilizeDropFetcher Fetcher => provider.GetRequiredService<EtilizeDropFetcher>();

    private EtilizeImportStarter Starter => provider.GetRequiredService<EtilizeImportStarter>();

    /// <summary>Fetches the newest new file (or the named one) and starts importing it.</summary>
    /// <param name="request">The request; its body holds the run's options, and an empty body takes the defaults.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming a bad field; 404 for an unknown file; 409 when nothing is new; 502/503 for FTP trouble.</returns>
    [Function(nameof(StartEtilizeImport))]
    [JsonRequestBody(typeof(ImportRequest), Required = false)]
    [ProducesResponseType(typeof(ImportStarted), StatusCodes.Status202Accepted)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status409Conflict)]
    [Authorize(Roles.Operator)]
    public async Task<IResult> StartEtilizeImport(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "etilize/sync/start")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new ImportRequest(), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        if (!body.AutoDownload)
        {
            errors["auto_download"] = "must be true: the file is fetched from the FTP server when the import starts";
        }

        if (body.AutoApproveThreshold is < 0m or > 1m)
        {
            errors["auto_approve_threshold"] = "must be between 0 and 1";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The import request is invalid.", errors));
        }

        var user = request.HttpContext.User;
        return await WithFtpAsync(async () =>
        {
            var drop = body.Filename is { } name
                ? await Fetcher.FetchAsync(name, cancellationToken)
                : await Fetcher.FetchNewestAsync(cancellationToken);
            if (drop is null)
            {
                return TypedResults.Conflict(new ApiError(
                    "No new Etilize file: the newest matching file was imported already (see GET /api/etilize/files). Name it in \"filename\" to import it again."));
            }

            var run = await Starter.StartAsync(client, drop, body, user.GetCallerName(), cancellationToken);
            await audit.WriteAsync(user, "etilize_import.started", run.RunId, $"file={drop.FileName}", cancellationToken);
            return TypedResults.Accepted($"/api/runs/{run.RunId}", new ImportStarted(run.RunId, "started", drop.FileName, $"/api/etilize/sync/status/{run.RunId}"));
        });
    }

    /// <summary>An import run's summary, errors and filtered SKUs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="jobId">The run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The status, or 404 when no import run has that id.</returns>
    [Function(nameof(GetEtilizeImportStatus))]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<ImportJobView>, NotFound<ApiError>>> GetEtilizeImportStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "etilize/sync/status/{jobId}")] HttpRequest request, string jobId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await client.GetRunAsync(jobId, cancellationToken) is not { Kind: ImportPhases.Kind } run)
        {
            return TypedResults.NotFound(new ApiError("No such import run.", new Dictionary<string, object?> { ["job_id"] = jobId }));
        }

        return TypedResults.Ok(ImportJobView.Of(run));
    }

    /// <summary>Copies a named file from the FTP server into storage and, if asked, imports it.</summary>
    /// <param name="request">The request; its body names the file and whether to import it now.</param>
    /// <param name="client">Starts the run when asked.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 with the file, or 202 with the run; 400 naming a bad field; 404 for an unknown file; 502/503 for FTP trouble.</returns>
    [Function(nameof(DownloadEtilizeFile))]
    [JsonRequestBody(typeof(DownloadRequest))]
    [ProducesResponseType(typeof(EtilizeFileDownloaded), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ImportStarted), StatusCodes.Status202Accepted)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Operator)]
    public async Task<IResult> DownloadEtilizeFile(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "etilize/sync/download")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<DownloadRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (string.IsNullOrWhiteSpace(body.Filename))
        {
            return TypedResults.BadRequest(new ApiError("The download request is invalid.", new Dictionary<string, object?> { ["filename"] = "is required" }));
        }

        var user = request.HttpContext.User;
        return await WithFtpAsync(async () =>
        {
            var drop = await Fetcher.FetchAsync(body.Filename, cancellationToken);
            await audit.WriteAsync(user, "etilize_file.downloaded", drop.FileName, $"blob={drop.BlobName}", cancellationToken);
            if (!body.ExtractImmediately)
            {
                return TypedResults.Ok(new EtilizeFileDownloaded(drop.FileName, drop.Size, drop.ModifiedAt, drop.BlobName, drop.Fingerprint));
            }

            var run = await Starter.StartAsync(client, drop, new ImportRequest(), user.GetCallerName(), cancellationToken);
            return TypedResults.Accepted($"/api/runs/{run.RunId}", new ImportStarted(run.RunId, "started", drop.FileName, $"/api/etilize/sync/status/{run.RunId}"));
        });
    }

    /// <summary>The files seen on the FTP server, newest first, and which run imported each; paged by <c>page</c> and <c>per_page</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, 400 for bad paging, or 503 when Etilize is not configured.</returns>
    [Function(nameof(ListEtilizeFiles))]
    [Paged]
    [ProducesResponseType(typeof(PagedList<EtilizeFileRecord>), StatusCodes.Status200OK)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListEtilizeFiles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "etilize/files")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging parameters are invalid.", errors));
        }

        return await WithFtpAsync(async () =>
            TypedResults.Ok((await Fetcher.ListFilesAsync(cancellationToken)).ToPage(pageNumber, pageSize)));
    }

    // FTP trouble becomes an answer that names it: a bad name is the caller's (400), a missing file 404, the rest the server's.
    private async Task<IResult> WithFtpAsync(Func<Task<IResult>> call)
    {
        if (string.IsNullOrEmpty(options.Value.Host))
        {
            return TypedResults.Json(new ApiError("Etilize FTP is not configured (Etilize__Host, __User, __Password)."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            return await call();
        }
        catch (ArgumentException error)
        {
            return TypedResults.BadRequest(new ApiError("The file name is invalid.", new Dictionary<string, object?> { ["filename"] = error.Message }));
        }
        catch (EtilizeFtpException error) when (error.StatusCode is FtpStatusCode.ActionNotTakenFileUnavailable)
        {
            return TypedResults.NotFound(new ApiError(error.Message, new Dictionary<string, object?> { ["filename"] = "no such file on the FTP server" }));
        }
        catch (EtilizeFtpException error)
        {
            return TypedResults.Json(new ApiError($"The Etilize FTP server failed: {error.Message}"), statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
