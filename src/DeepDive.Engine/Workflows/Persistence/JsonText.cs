using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Writes and reads JSON text with <see cref="Utf8JsonWriter"/> and <see cref="Utf8JsonReader"/> straight from and to
/// objects, without building a document tree in between: instances and their pointers are written and read at every
/// step, and the tree was most of the time a load took.
/// </summary>
internal static class JsonText
{
    public delegate T ReadFunc<out T>(ref Utf8JsonReader reader);

    /// <summary>The largest buffer a thread keeps between writes.</summary>
    private const int MaxKeptBytes = 1 << 20;

    /// <summary>One buffer and writer per thread, reused; taken while in use, so a nested write gets its own.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? cached;

    public static string Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var (buffer, writer) = cached ?? NewWriter();
        cached = null;
        try
        {
            write(writer, state);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            // A buffer grown for an unusually large document is let go rather than held by the thread.
            if (buffer.Capacity <= MaxKeptBytes)
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                cached = (buffer, writer);
            }
        }
    }

    /// <summary>Reads <paramref name="text"/> with <paramref name="read"/>, which is given the reader on the first token.</summary>
    public static T Read<T>(string text, ReadFunc<T> read)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            reader.Read();
            return read(ref reader);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        return (buffer, new Utf8JsonWriter(buffer));
    }
}
