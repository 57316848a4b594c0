using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>
/// Input types built by hand for the coercion tests (the same as this SDL, which the node checks used):
/// <code>
/// input In { x: Int!, y: String = "d", list: [Int], nested: In2, color: Color }
/// input In2 { a: Boolean!, deep: [[In2!]] }
/// input One @oneOf { a: Int, b: String }
/// enum Color { RED GREEN BLUE }
/// </code>
/// </summary>
internal static class CoercionTypes
{
    public static readonly EnumType Color = CreateColor();
    public static readonly InputObjectType In2 = CreateIn2();
    public static readonly InputObjectType In = CreateIn();
    public static readonly InputObjectType One = CreateOne();

    private static EnumType CreateColor()
    {
        var color = new EnumType("Color");
        color.SetValues([new EnumValueDefinition("RED", "RED"), new EnumValueDefinition("GREEN", "GREEN"), new EnumValueDefinition("BLUE", "BLUE")]);
        return color;
    }

    private static InputObjectType CreateIn2()
    {
        var in2 = new InputObjectType("In2");
        in2.SetFields(
        [
            new InputFieldDefinition("a", new NonNullType(SpecifiedScalars.Boolean)),
            new InputFieldDefinition("deep", new ListType(new ListType(new NonNullType(in2)))),
        ]);
        return in2;
    }

    private static InputObjectType CreateIn()
    {
        var input = new InputObjectType("In");
        input.SetFields(
        [
            new InputFieldDefinition("x", new NonNullType(SpecifiedScalars.Int)),
            new InputFieldDefinition("y", SpecifiedScalars.String) { HasDefaultValue = true, DefaultValue = "d" },
            new InputFieldDefinition("list", new ListType(SpecifiedScalars.Int)),
            new InputFieldDefinition("nested", In2),
            new InputFieldDefinition("color", Color),
        ]);
        return input;
    }

    private static InputObjectType CreateOne()
    {
        var one = new InputObjectType("One") { IsOneOf = true };
        one.SetFields([new InputFieldDefinition("a", SpecifiedScalars.Int), new InputFieldDefinition("b", SpecifiedScalars.String)]);
        return one;
    }
}
