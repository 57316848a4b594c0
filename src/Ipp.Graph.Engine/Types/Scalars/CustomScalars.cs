namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// The custom scalars the server offers, for <see cref="Binding.SchemaBuilder.AddScalar"/>. Each read gives a new
/// instance: a schema takes the scalars it is given as its own (the SDL's description and @specifiedBy are set on them).
/// </summary>
public static class CustomScalars
{
    /// <summary>RFC 3339 date-times with an offset, as <see cref="System.DateTimeOffset"/>.</summary>
    public static DateTimeScalar DateTime => new();

    /// <summary>UUIDs, as <see cref="System.Guid"/>.</summary>
    public static UuidScalar UUID => new();

    /// <summary>Signed 64-bit whole numbers, as <see cref="long"/>.</summary>
    public static LongScalar Long => new();

    /// <summary>Any JSON value.</summary>
    public static JsonScalar JSON => new();

    /// <summary>URI references (absolute or relative URLs), as <see cref="System.Uri"/>.</summary>
    public static UrlScalar URL => new();

    /// <summary>Files of multipart requests, as <see cref="IUploadedFile"/>.</summary>
    public static UploadScalar Upload => new();
}
