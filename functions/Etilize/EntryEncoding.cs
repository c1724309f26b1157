using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// Decides how a CSV entry is encoded. Etilize never states it: a file that is valid UTF-8 (with or without a byte
/// order mark) is read as UTF-8, anything else as Windows-1252, the encoding spreadsheet tools on US Windows write.
/// Windows-1252 bytes above 0x7F almost never form valid UTF-8 by chance, so strict validation is a safe test.
/// </summary>
internal static class EntryEncoding
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <summary>Reads <paramref name="content"/> to its end and returns <see langword="null"/> for UTF-8, else Windows-1252.</summary>
    public static async Task<Encoding?> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var chars = ArrayPool<char>.Shared.Rent(81920);
        try
        {
            // Bytes of a sequence split across two reads wait at the start of the buffer for the rest.
            var pending = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(pending), cancellationToken)) > 0)
            {
                pending = Validate(buffer, pending + read, chars, isFinalBlock: false);
                if (pending < 0)
                {
                    return Windows1252;
                }
            }

            return Validate(buffer, pending, chars, isFinalBlock: true) < 0 ? Windows1252 : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Validates the first <paramref name="length"/> bytes; returns how many trailing bytes await more input, or -1 when invalid.</summary>
    private static int Validate(byte[] buffer, int length, char[] chars, bool isFinalBlock)
    {
        var source = buffer.AsSpan(0, length);
        while (true)
        {
            var status = Utf8.ToUtf16(source, chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock);
            source = source[bytesRead..];
            switch (status)
            {
                case System.Buffers.OperationStatus.Done:
                    return 0;
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    continue;
                case System.Buffers.OperationStatus.NeedMoreData:
                    source.CopyTo(buffer);
                    return source.Length;
                default:
                    return -1;
            }
        }
    }

    private static Encoding CreateWindows1252()
    {
        // .NET Core knows only the Unicode encodings and Latin-1 until the code page provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
