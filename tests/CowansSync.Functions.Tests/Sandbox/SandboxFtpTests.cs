using System.Net;
using System.Security.Cryptography;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Sandbox;

/// <summary>The sandbox's Etilize FTP server speaks to .NET's own FTP client, the one our Etilize adapter uses.</summary>
public sealed class SandboxFtpTests
{
    // FtpWebRequest is obsolete (SYSLIB0014) but is the only FTP client that restores here (FluentFTP does not).
#pragma warning disable SYSLIB0014
    [Fact]
    public async Task FtpWebRequest_PassiveDownload_GetsTheGeneratedZip()
    {
        await using var sandbox = await SandboxServer.StartAsync(products: 30);
        var credentials = new NetworkCredential(sandbox.Value("ftp", "user"), sandbox.Value("ftp", "password"));
        var directory = new Uri($"ftp://{sandbox.Value("ftp", "host")}:{sandbox.Value("ftp", "port")}{sandbox.Value("ftp", "directory")}/");

        var list = (FtpWebRequest)WebRequest.Create(directory);
        list.Method = WebRequestMethods.Ftp.ListDirectory;
        list.Credentials = credentials;
        list.UsePassive = true;
        string fileName;
        using (var listing = (FtpWebResponse)await list.GetResponseAsync())
        using (var reader = new StreamReader(listing.GetResponseStream()))
        {
            fileName = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single();
        }

        var download = (FtpWebRequest)WebRequest.Create(new Uri(directory, fileName));
        download.Method = WebRequestMethods.Ftp.DownloadFile;
        download.Credentials = credentials;
        download.UsePassive = true;
        download.UseBinary = true;
        byte[] downloadedHash;
        using (var response = (FtpWebResponse)await download.GetResponseAsync())
        await using (var content = response.GetResponseStream())
        {
            downloadedHash = await SHA256.HashDataAsync(content);
        }

        var served = await File.ReadAllBytesAsync(Path.Combine(sandbox.EtilizeFolder, fileName));
        Assert.Equal("cowans_etilize_20261101.zip", fileName);
        Assert.Equal(SHA256.HashData(served), downloadedHash);
        Assert.Equal((byte)'P', served[0]);
    }
#pragma warning restore SYSLIB0014
}
