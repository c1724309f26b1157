using System.Text;
using Azure.Core;
using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>
/// Batch responses in the layout of the service's documentation ("Performing entity group transactions"),
/// which Azurite only approximates.
/// </summary>
public sealed class TableTransactionResponseTests
{
    [Fact]
    public void ReadParts_DocumentedSuccess_OnePartPerActionWithETags()
    {
        var batch = Batch("""
            --batchresponse_4c637ba4-b2e8-40f8-adb4-a2e9c9fd6bfd
            Content-Type: multipart/mixed; boundary=changesetresponse_f2bbd8d7-1b33-447c-8cbb-dc3b0cb7bb77

            --changesetresponse_f2bbd8d7-1b33-447c-8cbb-dc3b0cb7bb77
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 201 Created
            DataServiceVersion: 3.0;
            Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8
            ETag: W/"datetime'2013-09-11T19%3A08%3A37.1224484Z'"

            {"odata.metadata":"https://myaccount.table.core.windows.net/$metadata#Blogs/@Element","PartitionKey":"Channel_19","RowKey":"1"}
            --changesetresponse_f2bbd8d7-1b33-447c-8cbb-dc3b0cb7bb77
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 204 No Content
            DataServiceVersion: 1.0;
            ETag: W/"datetime'2013-09-11T19%3A08%3A37.1234567Z'"


            --changesetresponse_f2bbd8d7-1b33-447c-8cbb-dc3b0cb7bb77--
            --batchresponse_4c637ba4-b2e8-40f8-adb4-a2e9c9fd6bfd--
            """);

        var sut = TableTransactionResponse.ReadParts(batch);

        Assert.Equal([201, 204], sut.Select(p => p.Status));
        Assert.Equal("W/\"datetime'2013-09-11T19%3A08%3A37.1224484Z'\"", sut[0].Headers.ETag.ToString());
        Assert.StartsWith("{\"odata.metadata\"", sut[0].Content.ToString(), StringComparison.Ordinal);
        Assert.Equal("W/\"datetime'2013-09-11T19%3A08%3A37.1234567Z'\"", sut[1].Headers.ETag.ToString());
    }

    [Fact]
    public void ReadParts_DocumentedFailure_OneErrorPartWithActionIndex()
    {
        var batch = Batch("""
            --batchresponse_7ab1c2d3-0000-4000-8000-000000000001
            Content-Type: multipart/mixed; boundary=changesetresponse_7ab1c2d3-0000-4000-8000-000000000002

            --changesetresponse_7ab1c2d3-0000-4000-8000-000000000002
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 400 Bad Request
            Content-ID: 2
            X-Content-Type-Options: nosniff
            DataServiceVersion: 3.0;
            Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8

            {"odata.error":{"code":"InvalidInput","message":{"lang":"en-US","value":"1:One of the request inputs is not valid.\nRequestId:5be2ee23-0002-0000-0000-000000000000\nTime:2013-09-11T19:08:37.8133845Z"}}}
            --changesetresponse_7ab1c2d3-0000-4000-8000-000000000002--
            --batchresponse_7ab1c2d3-0000-4000-8000-000000000001--
            """);

        var part = Assert.Single(TableTransactionResponse.ReadParts(batch));

        Assert.Equal(400, part.Status);
        Assert.True(part.IsError);
        Assert.Equal(1, TableTransactionResponse.FailedActionIndex(part));
    }

    // The documentation's samples use CRLF line endings, as HTTP does.
    private static TableTransactionPartResponse Batch(string body) => new(
        202,
        "Accepted",
        [new HttpHeader("Content-Type", "multipart/mixed; boundary=batchresponse_x")],
        Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")));
}
