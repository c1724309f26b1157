using System.Net;
using System.Security.Claims;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Etilize;
using CowansSync.Orchestrations.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/etilize</c>: start an import (the timer's run, on demand), follow it, fetch a named file, list the files seen.</summary>
public static class EtilizeApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/etilize</c> group.</returns>
    public static RouteGroupBuilder MapEtilizeApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/etilize").WithTags("Etilize");
        group.MapPost("/sync/start", StartAsync).RequireAuthorization(Roles.Operator).WithName("StartEtilizeImport");
        group.MapGet("/sync/status/{jobId}", GetStatusAsync).WithName("GetEtilizeImportStatus");
        group.MapPost("/sync/download", DownloadAsync).RequireAuthorization(Roles.Operator).WithName("DownloadEtilizeFile");
        group.MapGet("/files", ListFilesAsync).WithName("ListEtilizeFiles");
        return group;
    }

    /// <summary>Fetches the newest new file (or the named one) and starts importing it.</summary>
    /// <param name="request">The run's options; an empty body takes the defaults.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">The FTP adapters, runs and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming a bad field; 404 for an unknown file; 409 when nothing is new; 502/503 for FTP trouble.</returns>
    public static async Task<IResult> StartAsync(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ImportRequest? request,
        ClaimsPrincipal user,
        [AsParameters] EtilizeServices services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        request ??= new ImportRequest();
        var errors = new Dictionary<string, object?>();
        if (!request.AutoDownload)
        {
            errors["auto_download"] = "must be true: the file is fetched from the FTP server when the import starts";
        }

        if (request.AutoApproveThreshold is < 0m or > 1m)
        {
            errors["auto_approve_threshold"] = "must be between 0 and 1";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The import request is invalid.", errors));
        }

        return await WithFtpAsync(services, async () =>
        {
            var drop = request.Filename is { } name
                ? await services.Fetcher.FetchAsync(name, cancellationToken)
                : await services.Fetcher.FetchNewestAsync(cancellationToken);
            if (drop is null)
            {
                return TypedResults.Conflict(new ApiError(
                    "No new Etilize file: the newest matching file was imported already (see GET /api/etilize/files). Name it in \"filename\" to import it again."));
            }

            var run = await services.Starter.StartAsync(drop, request, user.GetCallerName(), cancellationToken);
            await services.Audit.WriteAsync(user, "etilize_import.started", run.RunId, $"file={drop.FileName}", cancellationToken);
            return TypedResults.Accepted($"/api/runs/{run.RunId}", new ImportStarted(run.RunId, "started", drop.FileName, $"/api/etilize/sync/status/{run.RunId}"));
        });
    }

    /// <summary>An import run's summary, errors and filtered SKUs.</summary>
    /// <param name="jobId">The run.</param>
    /// <param name="services">Runs.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The status, or 404 when no import run has that id.</returns>
    public static async Task<Results<Ok<ImportJobView>, NotFound<ApiError>>> GetStatusAsync(string jobId, [AsParameters] EtilizeServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (await services.Runs.GetAsync(jobId, cancellationToken) is not { Kind: ImportPhases.Kind } run)
        {
            return TypedResults.NotFound(new ApiError("No such import run.", new Dictionary<string, object?> { ["job_id"] = jobId }));
        }

        return TypedResults.Ok(ImportJobView.Of(run, await services.Runs.ListBatchCompletionsAsync(run.RunId, cancellationToken)));
    }

    /// <summary>Copies a named file from the FTP server into storage and, if asked, imports it.</summary>
    /// <param name="request">The file and whether to import it now.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">The FTP adapters, runs and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 with the file, or 202 with the run; 400 naming a bad field; 404 for an unknown file; 502/503 for FTP trouble.</returns>
    public static async Task<IResult> DownloadAsync(DownloadRequest request, ClaimsPrincipal user, [AsParameters] EtilizeServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrWhiteSpace(request.Filename))
        {
            return TypedResults.BadRequest(new ApiError("The download request is invalid.", new Dictionary<string, object?> { ["filename"] = "is required" }));
        }

        return await WithFtpAsync(services, async () =>
        {
            var drop = await services.Fetcher.FetchAsync(request.Filename, cancellationToken);
            await services.Audit.WriteAsync(user, "etilize_file.downloaded", drop.FileName, $"blob={drop.BlobName}", cancellationToken);
            if (!request.ExtractImmediately)
            {
                return TypedResults.Ok(new { filename = drop.FileName, size = drop.Size, modified_at = drop.ModifiedAt, blob_name = drop.BlobName, fingerprint = drop.Fingerprint });
            }

            var run = await services.Starter.StartAsync(drop, new ImportRequest(), user.GetCallerName(), cancellationToken);
            return TypedResults.Accepted($"/api/runs/{run.RunId}", new ImportStarted(run.RunId, "started", drop.FileName, $"/api/etilize/sync/status/{run.RunId}"));
        });
    }

    /// <summary>The files seen on the FTP server, newest first, and which run imported each.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">The FTP adapters.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, 400 for bad paging, or 503 when Etilize is not configured.</returns>
    public static async Task<IResult> ListFilesAsync(int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] EtilizeServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging parameters are invalid.", errors));
        }

        return await WithFtpAsync(services, async () =>
            TypedResults.Ok((await services.Fetcher.ListFilesAsync(cancellationToken)).ToPage(pageNumber, pageSize)));
    }

    // FTP trouble becomes an answer that names it: a bad name is the caller's (400), a missing file 404, the rest the server's.
    private static async Task<IResult> WithFtpAsync(EtilizeServices services, Func<Task<IResult>> call)
    {
        if (!services.IsConfigured)
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
