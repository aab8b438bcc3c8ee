using System.Runtime.InteropServices;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>Vectors as stored: little-endian float32s, 1,536 bytes for 384 dimensions, the same on both databases.</summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Stored vectors are little-endian.");
        }

        return MemoryMarshal.AsBytes(vector).ToArray();
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new InvalidDataException($"A stored vector has {bytes.Length} bytes, not a whole number of floats.");
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
