using System.Globalization;

namespace Ipp.Graph.Applications;

/// <summary>Numbers as text the way JavaScript's <c>String(n)</c> writes them for the catalogue's values: 1, 0.5, 100.</summary>
internal static class NumberText
{
    public static string Format(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
