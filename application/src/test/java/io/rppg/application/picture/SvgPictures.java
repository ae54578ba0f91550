package io.rppg.application.picture;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an SVG picture back with an XML parser, and finds its elements by the role (class) they were drawn for. */
public final class SvgPictures {

    private final Document document;

    private SvgPictures(Document document) {
        this.document = document;
    }

    public static SvgPictures parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgPictures(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** Every element of the given role, in document order. */
    public List<Element> withRole(String role) {
        var found = new ArrayList<Element>();
        var all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            var element = (Element) all.item(i);
            if (role.equals(element.getAttribute("class"))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The text of the one element of the given role. */
    public String text(String role) {
        var found = withRole(role);
        if (found.size() != 1) {
            throw new AssertionError("expected one element of class " + role + ", found " + found.size());
        }
        return found.getFirst().getTextContent();
    }

    /** The texts of every element of the given role, joined by spaces (a wrapped paragraph read back whole). */
    public String joinedText(String role) {
        return String.join(" ", withRole(role).stream().map(Element::getTextContent).toList());
    }
}
