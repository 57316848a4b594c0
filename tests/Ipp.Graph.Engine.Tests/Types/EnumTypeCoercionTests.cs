using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>EnumType's Serialize, ParseValue and ParseLiteral with graphql-js's messages.</summary>
public class EnumTypeCoercionTests
{
    private static EnumType Colour()
    {
        var type = new EnumType("Colour");
        type.SetValues([new EnumValueDefinition("RED", "RED"), new EnumValueDefinition("GREEN", "GREEN"), new EnumValueDefinition("BLUE", "BLUE")]);
        return type;
    }

    private static EnumType Bound()
    {
        var type = new EnumType("Console") { ClrType = typeof(ConsoleColor) };
        type.SetValues([new EnumValueDefinition("DARK_RED", ConsoleColor.DarkRed), new EnumValueDefinition("BLUE", ConsoleColor.Blue)]);
        return type;
    }

    [Fact]
    public void Serialize_names_the_value()
    {
        Assert.Equal("GREEN", Colour().Serialize("GREEN"));
        Assert.Equal("DARK_RED", Bound().Serialize(ConsoleColor.DarkRed));
        Assert.Equal("DARK_RED", Bound().Serialize("DARK_RED"));
        Assert.Equal("Enum \"Colour\" cannot represent value: \"PINK\"", Assert.Throws<GraphQLError>(() => Colour().Serialize("PINK")).Message);
        Assert.Equal(
            "Enum \"Console\" cannot represent value: ConsoleColor.Green",
            Assert.Throws<GraphQLError>(() => Bound().Serialize(ConsoleColor.Green)).Message);
    }

    /// <summary>
    /// Internal values of a bound enum are found by number; only members of that enum are: not the same number boxed
    /// as an int or as another enum, nor numbers the values do not define (outside the table, and within it).
    /// </summary>
    [Fact]
    public void Internal_values_are_found_only_as_members_of_the_bound_enum()
    {
        var bound = Bound();
        Assert.Equal("DARK_RED", bound.GetValueByInternal(ConsoleColor.DarkRed)?.Name);
        Assert.Equal("BLUE", bound.GetValueByInternal(ConsoleColor.Blue)?.Name);
        Assert.Null(bound.GetValueByInternal(ConsoleColor.Green));
        Assert.Null(bound.GetValueByInternal(ConsoleColor.White));
        Assert.Null(bound.GetValueByInternal((ConsoleColor)(-1)));
        Assert.Null(bound.GetValueByInternal((ConsoleColor)1000));
        Assert.Null(bound.GetValueByInternal((int)ConsoleColor.Blue));
        Assert.Null(bound.GetValueByInternal((DayOfWeek)(int)ConsoleColor.Blue));
        Assert.Null(bound.GetValueByInternal("BLUE"));

        // Members numbered beyond the table, and enums of other underlying types, are found by their value as before.
        var large = new EnumType("Large");
        large.SetValues([new EnumValueDefinition("SMALL", (AttributeTargets)1), new EnumValueDefinition("LARGE", AttributeTargets.All)]);
        Assert.Equal("LARGE", large.GetValueByInternal(AttributeTargets.All)?.Name);
        Assert.Equal("SMALL", large.GetValueByInternal((AttributeTargets)1)?.Name);
        var bytes = new EnumType("Bytes");
        bytes.SetValues([new EnumValueDefinition("ONE", (Numbered)1)]);
        Assert.Equal("ONE", bytes.GetValueByInternal((Numbered)1)?.Name);
        Assert.Null(bytes.GetValueByInternal((byte)1));
    }

    private enum Numbered : byte
    {
        One = 1,
    }

    [Fact]
    public void ParseValue_reads_names()
    {
        Assert.Equal(ConsoleColor.Blue, Bound().ParseValue("BLUE"));
        Assert.Equal("RED", Colour().ParseValue(Json.Parse("\"RED\"")));
        Assert.Equal(
            "Value \"GREN\" does not exist in \"Colour\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue("GREN")).Message);
        Assert.Equal(
            "Value \"GREN\" does not exist in \"Colour\" enum.",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue("GREN", hideSuggestions: true)).Message);
        Assert.Equal(
            "Enum \"Colour\" cannot represent non-string value: 1.",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue(1)).Message);
    }

    [Fact]
    public void ParseLiteral_reads_enum_literals()
    {
        Assert.Equal(ConsoleColor.DarkRed, Bound().ParseLiteral(new EnumValueNode { Value = "DARK_RED" }));
        var error = Assert.Throws<GraphQLError>(() => Colour().ParseLiteral(Parser.ParseValue("BLU")));
        Assert.Equal("Value \"BLU\" does not exist in \"Colour\" enum. Did you mean the enum value \"BLUE\"?", error.Message);
        Assert.Equal([new SourceLocation(1, 1)], error.Locations!);
    }
}
