using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Engine.Execution.Output;

/// <summary>
/// Writes a response's data as UTF-8 JSON straight from the result tree into a buffer of its own (kept by the thread,
/// or rented from the pool for a long response), which the host's <see cref="Utf8JsonWriter"/> then takes as one raw
/// value. Objects, lists, response names (encoded once per plan), strings of plain ASCII, whole numbers, booleans and
/// nulls are written here, at a fraction of what the writer's checked calls cost; every other value goes through a
/// <see cref="Utf8JsonWriter"/> with the host's encoder, so the bytes are the ones the host's writer would have
/// written itself.
/// </summary>
/// <remarks>
/// Only for writers whose output this reproduces exactly: not indented, with the default or the relaxed encoder
/// (plain ASCII is written as it is by both), and without a maximum depth below the writer's default.
/// </remarks>
internal sealed class DirectDataWriter : PooledBufferWriter
{
    /// <summary>The writer's default maximum depth; a host's lower maximum is left to the host's writer to enforce.</summary>
    private const int DefaultMaxDepth = 1000;

    /// <summary>Printable ASCII that neither encoder escapes (both escape quotes, backslashes and controls; the default HTML-sensitive characters too).</summary>
    private const string Plain = " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

    /// <summary>The longest buffer a thread keeps for its next response (longer ones go back to the pool).</summary>
    private const int LongestKeptBuffer = 16 * 1024;

    /// <summary>
    /// The largest buffer a response starts with, whatever the last response of its plan took (variables may make
    /// the next one much smaller); a larger response grows its buffer as it goes.
    /// </summary>
    private const int LargestFirstBuffer = 256 * 1024;

    private static readonly bool[] IsPlain = CreateIsPlain();

    /// <summary>
    /// An instance kept per thread with its buffer, so a response costs no allocation here. Writing never starts
    /// another response on the same thread before it ends; one that fails leaves it to be restarted by the next.
    /// </summary>
    [ThreadStatic]
    private static DirectDataWriter? t_instance;

    /// <summary>A writer of the values written through one, kept per thread with the encoder it was made for.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? t_values;

    [ThreadStatic]
    private static JavaScriptEncoder? t_valuesEncoder;

    private JavaScriptEncoder? _encoder;

    private DirectDataWriter()
        : base(0)
    {
    }

    /// <summary>True when data written here is byte for byte what <paramref name="options"/> would give.</summary>
    public static bool Reproduces(JsonWriterOptions options) =>
        !options.Indented
        && (options.MaxDepth == 0 || options.MaxDepth >= DefaultMaxDepth)
        && (options.Encoder is null
            || ReferenceEquals(options.Encoder, JavaScriptEncoder.Default)
            || ReferenceEquals(options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    /// <summary>Writes <paramref name="data"/> as the next value of <paramref name="writer"/>.</summary>
    public static void WriteData(Utf8JsonWriter writer, ResultObject data) => Write(writer, data, asResponse: false);

    /// <summary>Writes a response of data alone, <c>{"data":…}</c>, as the next value of <paramref name="writer"/>: one call to it.</summary>
    public static void WriteResponse(Utf8JsonWriter writer, ResultObject? data) => Write(writer, data, asResponse: true);

    private static void Write(Utf8JsonWriter writer, ResultObject? data, bool asResponse)
    {
        var direct = t_instance ??= new DirectDataWriter();
        direct._encoder = writer.Options.Encoder;
        direct.Restart(Math.Clamp(data?.Plan.DataLengthHint ?? 0, 256, LargestFirstBuffer));
        if (asResponse)
        {
            direct.WriteBytes("{\"data\":"u8);
        }

        var start = direct.Written;
        if (data is null)
        {
            direct.WriteBytes("null"u8);
        }
        else
        {
            direct.WriteObject(data, 1);
            data.Plan.DataLengthHint = direct.Written - start;
        }

        if (asResponse)
        {
            direct.WriteByte((byte)'}');
        }

        writer.WriteRawValue(direct.WrittenSpan, skipInputValidation: true);
        direct.Trim(LongestKeptBuffer);
    }

    private void WriteObject(ResultObject obj, int depth)
    {
        var fields = obj.Plan.Fields;
        var slots = obj.Slots;
        var opening = (byte)'{';
        for (var i = 0; i < fields.Length; i++)
        {
            // ,"name": with its comma replaced by the brace for the first member.
            var member = fields[i].JsonMember;
            Ensure(member.Length);
            var at = Written;
            CopyShort(member, ref Buffer[at]);
            Buffer[at] = opening;
            opening = (byte)',';
            Written = at + member.Length;
            WriteValue(slots[i], depth + 1);
        }

        if (fields.Length == 0)
        {
            WriteByte((byte)'{');
        }

        WriteByte((byte)'}');
    }

    /// <summary>A slot's value: strings and nulls, most of any response, here; anything else in <see cref="WriteOther"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteValue(object? value, int depth)
    {
        if (value is string text)
        {
            if (!TryWritePlain(text))
            {
                WriteThroughWriter(text, depth);
            }
        }
        else if (value is null)
        {
            WriteBytes("null"u8);
        }
        else
        {
            WriteOther(value, depth);
        }
    }

    private void WriteOther(object value, int depth)
    {
        switch (value)
        {
            case ResultObject obj:
                WriteObject(obj, depth);
                return;
            case ResultList list:
                WriteList(list, depth);
                return;
            case int number:
                WriteInteger(number);
                return;
            case long number:
                WriteInteger(number);
                return;
            case bool flag:
                WriteBytes(flag ? "true"u8 : "false"u8);
                return;
            case UtcInstant instant:
                WriteInstant(instant);
                return;
            default:
                WriteThroughWriter(value, depth);
                return;
        }
    }

    private void WriteList(ResultList list, int depth)
    {
        var items = list.Slots;
        WriteByte((byte)'[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                WriteByte((byte)',');
            }

            WriteValue(items[i], depth + 1);
        }

        WriteByte((byte)']');
    }

    /// <summary>Writes a string of plain characters with its quotes; false, having written nothing, for any other string.</summary>
    private bool TryWritePlain(string text)
    {
        var length = text.Length;
        Ensure(length + 2);
        var at = Written;
        ref var characters = ref Buffer[at + 1];
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        if (length >= Vector128<ushort>.Count)
        {
            // Eight characters at a time, the last eight overlapping the ones before when the length is not a multiple.
            var last = length - Vector128<ushort>.Count;
            for (var i = 0; ; i += Vector128<ushort>.Count)
            {
                var from = Math.Min(i, last);
                var eight = Vector128.LoadUnsafe(ref Unsafe.Add(ref source, from));
                if (!ArePlain(eight))
                {
                    return false;
                }

                Unsafe.WriteUnaligned(ref Unsafe.Add(ref characters, from), Vector128.Narrow(eight, eight).AsUInt64().ToScalar());
                if (from == last)
                {
                    break;
                }
            }
        }
        else if (length >= 4)
        {
            // The first four and the last four (overlapping when fewer than eight) in one vector.
            ref var bytes = ref Unsafe.As<ushort, byte>(ref source);
            var eight = Vector128.Create(
                Unsafe.ReadUnaligned<ulong>(ref bytes),
                Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (length - 4) * sizeof(char)))).AsUInt16();
            if (!ArePlain(eight))
            {
                return false;
            }

            var narrowed = Vector128.Narrow(eight, eight).AsUInt32();
            Unsafe.WriteUnaligned(ref characters, narrowed.ToScalar());
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref characters, length - 4), narrowed.GetElement(1));
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                var c = Unsafe.Add(ref source, i);
                if (c >= IsPlain.Length || !IsPlain[c])
                {
                    return false;
                }

                Unsafe.Add(ref characters, i) = (byte)c;
            }
        }

        Buffer[at] = (byte)'"';
        Buffer[at + length + 1] = (byte)'"';
        Written = at + length + 2;
        return true;
    }

    private void WriteInstant(UtcInstant instant)
    {
        const int length = ScalarText.UtcDateTimeLength + 2;
        Ensure(length);
        var text = Buffer.AsSpan(Written, length);
        text[0] = (byte)'"';
        instant.Format(text[1..]);
        text[^1] = (byte)'"';
        Written += length;
    }

    private void WriteInteger(long number)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(number, Buffer.AsSpan(Written), out var written);
        Written += written;
    }

    /// <summary>
    /// Copies a response member (<c>,"name":</c>, at least five bytes) with a few unaligned moves of overlapping words
    /// instead of a call to the general copy, which costs more than the copying for such short runs.
    /// </summary>
    private static void CopyShort(byte[] bytes, ref byte destination)
    {
        var length = bytes.Length;
        ref var source = ref MemoryMarshal.GetArrayDataReference(bytes);
        if (length <= sizeof(ulong))
        {
            Unsafe.WriteUnaligned(ref destination, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - sizeof(uint)), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - sizeof(uint))));
        }
        else if (length <= 2 * sizeof(ulong))
        {
            Unsafe.WriteUnaligned(ref destination, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - sizeof(ulong)), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - sizeof(ulong))));
        }
        else
        {
            Unsafe.CopyBlockUnaligned(ref destination, ref source, (uint)length);
        }
    }

    /// <summary>True when eight UTF-16 characters are all plain.</summary>
    private static bool ArePlain(Vector128<ushort> characters)
    {
        // Printable ASCII is 0x20 to 0x7E; of those, the characters an encoder may escape.
        var notPlain = Vector128.GreaterThanOrEqual(characters - Vector128.Create((ushort)0x20), Vector128.Create((ushort)(0x7F - 0x20)))
            | Vector128.Equals(characters, Vector128.Create((ushort)'"'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'&'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'\''))
            | Vector128.Equals(characters, Vector128.Create((ushort)'+'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'<'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'>'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'\\'))
            | Vector128.Equals(characters, Vector128.Create((ushort)'`'));
        return notPlain == Vector128<ushort>.Zero;
    }

    /// <summary>A value this class does not write itself, written by a <see cref="Utf8JsonWriter"/> with the host's encoder.</summary>
    private void WriteThroughWriter(object value, int depth)
    {
        var values = t_values;
        if (values is null || !ReferenceEquals(t_valuesEncoder, _encoder))
        {
            values = new Utf8JsonWriter(this, new JsonWriterOptions { Encoder = _encoder, SkipValidation = true });
            t_values = values;
            t_valuesEncoder = _encoder;
        }
        else
        {
            values.Reset(this);
        }

        ResultWriter.WriteValue(values, value, depth);
        values.Flush();
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        Buffer[Written++] = value;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(Buffer.AsSpan(Written));
        Written += bytes.Length;
    }

    private static bool[] CreateIsPlain()
    {
        var table = new bool[128];
        foreach (var c in Plain)
        {
            table[c] = true;
        }

        return table;
    }
}
