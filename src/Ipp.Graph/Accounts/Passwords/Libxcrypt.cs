using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Ipp.Graph.Accounts.Passwords;

/// <summary>
/// bcrypt through the system's libxcrypt (<c>libcrypt.so.1</c>). Only the reentrant functions are used, with
/// buffers the caller owns, so any number of threads may call them at once. Every buffer that held a password
/// is wiped before it returns to the pool.
/// </summary>
internal static class Libxcrypt
{
    private const string Library = "libcrypt.so.1";

    /// <summary><c>sizeof(struct crypt_data)</c> in libxcrypt.</summary>
    private const int CryptDataSize = 32768;

    /// <summary><c>CRYPT_OUTPUT_SIZE</c>: room for any setting or hash.</summary>
    private const int OutputSize = 384;

    /// <summary>Random bytes bcrypt's salt holds.</summary>
    private const int SaltBytes = 16;

    /// <summary>A bcrypt setting (<c>$2b$12$</c> and an encoded salt) for a new hash, from the given random bytes.</summary>
    public static string GenerateSetting(int cost, ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length != SaltBytes)
        {
            throw new ArgumentException($"bcrypt needs {SaltBytes} random bytes.", nameof(randomBytes));
        }

        var output = new byte[OutputSize];
        var result = crypt_gensalt_rn("$2b$"u8.ToArray(), (nuint)cost, randomBytes.ToArray(), SaltBytes, output, OutputSize);
        if (result == IntPtr.Zero)
        {
            throw new InvalidOperationException($"libxcrypt refused to make a bcrypt setting of cost {cost} (errno {Marshal.GetLastPInvokeError()}).");
        }

        return ReadString(output);
    }

    /// <summary>
    /// The hash of <paramref name="password"/> under <paramref name="setting"/> (a setting or a whole hash, whose
    /// salt and cost are then used); null when libxcrypt refuses the setting.
    /// </summary>
    /// <remarks>The password must hold no NUL character: C strings end there.</remarks>
    public static byte[]? Crypt(string password, string setting)
    {
        var phraseLength = Encoding.UTF8.GetByteCount(password);
        var phrase = ArrayPool<byte>.Shared.Rent(phraseLength + 1);
        var data = ArrayPool<byte>.Shared.Rent(CryptDataSize);
        try
        {
            Encoding.UTF8.GetBytes(password, phrase);
            phrase[phraseLength] = 0;
            Array.Clear(data, 0, CryptDataSize);
            var settingBytes = new byte[Encoding.UTF8.GetByteCount(setting) + 1];
            Encoding.UTF8.GetBytes(setting, settingBytes);

            // The hash is written at the start of the data buffer (crypt_data.output).
            if (crypt_rn(phrase, settingBytes, data, CryptDataSize) == IntPtr.Zero)
            {
                return null;
            }

            var length = Array.IndexOf(data, (byte)0, 0, OutputSize);
            return length <= 0 || data[0] == (byte)'*' ? null : data.AsSpan(0, length).ToArray();
        }
        finally
        {
            Array.Clear(phrase);
            Array.Clear(data, 0, CryptDataSize);
            ArrayPool<byte>.Shared.Return(phrase);
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private static string ReadString(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.ASCII.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    [DllImport(Library, SetLastError = true)]
    private static extern IntPtr crypt_rn(byte[] phrase, byte[] setting, byte[] data, int size);

    [DllImport(Library, SetLastError = true)]
    private static extern IntPtr crypt_gensalt_rn(byte[] prefix, nuint count, byte[] randomBytes, int randomByteCount, byte[] output, int outputSize);
}
