using System.Globalization;
using System.Text;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>One time series of a scrape: its name, its labels (without OpenTelemetry's <c>otel_scope_*</c>) and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public override string ToString() => $"{Name}{{{string.Join(',', Labels.Select(label => $"{label.Key}=\"{label.Value}\""))}}} {Value}";
}

/// <summary>
/// A Prometheus scrape of the server's metrics endpoint, parsed from the text exposition format (sample lines
/// <c>name{label="value",…} value</c>; comments skipped).
/// </summary>
public sealed class PrometheusScrape
{
    private PrometheusScrape(string text, List<PrometheusSample> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>GETs <paramref name="path"/> (200, text/plain) and parses it.</summary>
    public static async Task<PrometheusScrape> ReadAsync(HttpClient client, string path = "metrics")
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>Scrapes until <paramref name="reached"/> holds (a scrape answers what was recorded so far), at most <see cref="TestEvents.Patience"/>.</summary>
    public static async Task<PrometheusScrape> WaitUntilAsync(HttpClient client, Func<PrometheusScrape, bool> reached)
    {
        var deadline = DateTime.UtcNow + TestEvents.Patience;
        while (true)
        {
            var scrape = await ReadAsync(client);
            if (reached(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, "The scrape never showed what was expected:\n" + scrape.Text);
            await Task.Delay(50);
        }
    }

    /// <summary>The value of the series <paramref name="name"/> whose labels are exactly <paramref name="labels"/>; null when there is none.</summary>
    public double? Value(string name, params (string Name, string Value)[] labels) =>
        Samples.SingleOrDefault(sample => sample.Name == name
            && sample.Labels.Count == labels.Length
            && labels.All(label => sample.Labels.TryGetValue(label.Name, out var value) && value == label.Value))?.Value;

    /// <summary>The series named <paramref name="name"/>.</summary>
    public IEnumerable<PrometheusSample> Series(string name) => Samples.Where(sample => sample.Name == name);

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var position = line.IndexOfAny(['{', ' ']);
            var name = line[..position];
            if (line[position] == '{')
            {
                position = ReadLabels(line, position + 1, labels);
            }

            var value = line[(position + 1)..].Split(' ')[0];
            samples.Add(new PrometheusSample(name, labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return new PrometheusScrape(text, samples);
    }

    /// <summary>Reads <c>name="value",…}</c> from <paramref name="start"/>; the position after the closing brace.</summary>
    private static int ReadLabels(string line, int start, Dictionary<string, string> labels)
    {
        var position = start;
        while (line[position] != '}')
        {
            var equals = line.IndexOf('=', position);
            var name = line[position..equals];
            var value = new StringBuilder();
            position = equals + 2;
            while (line[position] != '"')
            {
                if (line[position] == '\\')
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }

                position++;
            }

            position++;
            if (line[position] == ',')
            {
                position++;
            }

            if (!name.StartsWith("otel_scope_", StringComparison.Ordinal))
            {
                labels[name] = value.ToString();
            }
        }

        return position + 1;
    }
}
