using System.Text;
using System.Text.RegularExpressions;

namespace Ipp.Graph.Engine.Tests.Validation.Support;

/// <summary>
/// Mutates GraphQL text at the level of tokens: drops, duplicates and swaps tokens, renames names, replaces values,
/// adds fragment spreads and a fragment cycle. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static partial class TokenMutator
{
    private static readonly string[] Names =
    [
        "dog", "cat", "name", "nickname", "mother", "father", "human", "pets", "Dog", "Cat", "Pet", "CatOrDog", "Being",
        "ComplexInput", "OneOfInput", "String", "Int", "Boolean", "id", "x", "y", "req1", "PetFields", "DogFields",
        "onField", "skip", "include", "SIT", "__typename", "__schema", "fields", "interfaces", "unknown", "Q", "Deep",
    ];

    private static readonly string[] Values = ["1", "-2", "3.5", "\"s\"", "\"\"\"block\"\"\"", "true", "null", "SIT", "$id", "[1, 2]", "{a: 1}", "[]", "{}"];

    public static string Mutate(string text, Random random)
    {
        var tokens = TokenPattern().Matches(text).Select(match => match.Value).ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && tokens.Count > 1; m++)
        {
            var at = random.Next(tokens.Count);
            switch (random.Next(8))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.Insert(at, tokens[at]);
                    break;
                case 2:
                    var other = random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
                case 3 or 4:
                    if (char.IsLetter(tokens[at][0]) || tokens[at][0] == '_')
                    {
                        tokens[at] = Names[random.Next(Names.Length)];
                    }

                    break;
                case 5:
                    if (tokens[at] == ":" && at + 1 < tokens.Count)
                    {
                        tokens[at + 1] = Values[random.Next(Values.Length)];
                    }
                    else
                    {
                        tokens.Insert(at, Values[random.Next(Values.Length)]);
                    }

                    break;
                case 6:
                    tokens.Insert(at, random.Next(2) == 0 ? "...PetFields" : "...DogFields");
                    break;
                default:
                    tokens.AddRange(TokenPattern().Matches(
                        "fragment Cycle1 on Dog { name ...Cycle2 } fragment Cycle2 on Dog { ...Cycle1 ...PetFields }").Select(match => match.Value));
                    tokens.Insert(at, "...Cycle1");
                    break;
            }
        }

        var result = new StringBuilder();
        foreach (var token in tokens)
        {
            result.Append(token).Append(' ');
        }

        return result.ToString();
    }

    [GeneratedRegex("\"\"\"(?:[^\"\\\\]|\\\\.|\"(?!\"\"))*\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|\\.\\.\\.[_A-Za-z0-9]*|[!$&()\\[\\]{}:=@|]|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[_A-Za-z][_0-9A-Za-z]*")]
    private static partial Regex TokenPattern();
}
