package io.leadloop.feedback.crm.salesforce.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A Salesforce outbound message (SOAP {@code notifications}): the organisation that sent it and up to 100
 * notifications, each with its id and the sObject's fields as Salesforce sent them (the latest values).
 *
 * @param organizationId the 18-character id of the sending org
 */
public record OutboundMessage(String organizationId, String actionId, List<Notification> notifications) {

    public static final String NAMESPACE = "http://soap.sforce.com/2005/09/outbound";

    public OutboundMessage {
        notifications = List.copyOf(notifications);
    }

    /**
     * @param id the notification id, the same on every redelivery of this notification
     * @param sObjectType e.g. {@code sf:Opportunity}, as in {@code xsi:type}
     * @param fields field name (without prefix) → text; a nil field is absent
     */
    public record Notification(String id, String sObjectType, Map<String, String> fields) {

        public Notification {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * Parses a SOAP envelope with the JDK's parser, refusing DTDs, so neither external entities (XXE) nor entity
     * expansion (billion laughs) can be used against us.
     *
     * @throws MalformedOutboundMessage the body is not an outbound message
     */
    public static OutboundMessage parse(byte[] xml) {
        Document document;
        try {
            document = secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new MalformedOutboundMessage("Not well-formed XML (or it declares a DTD): " + e.getMessage());
        }
        Element notifications = first(document.getDocumentElement(), "notifications");
        if (notifications == null || !NAMESPACE.equals(notifications.getNamespaceURI())) {
            throw new MalformedOutboundMessage("No {" + NAMESPACE + "}notifications element");
        }
        String organizationId = text(child(notifications, "OrganizationId"));
        if (organizationId == null) {
            throw new MalformedOutboundMessage("The message has no OrganizationId");
        }
        List<Notification> result = new ArrayList<>();
        for (Element notification : children(notifications, "Notification")) {
            String id = text(child(notification, "Id"));
            Element sObject = child(notification, "sObject");
            if (id == null || sObject == null) {
                throw new MalformedOutboundMessage("A Notification needs an Id and an sObject");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node node = sObject.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element field && !"true".equals(field.getAttributeNS(
                        XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"))) {
                    fields.put(field.getLocalName(), field.getTextContent().strip());
                }
            }
            result.add(new Notification(id, sObject.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI,
                    "type"), fields));
        }
        return new OutboundMessage(organizationId, text(child(notifications, "ActionId")), result);
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be secured", e);
        }
    }

    private static Element first(Element root, String localName) {
        if (localName.equals(root.getLocalName())) {
            return root;
        }
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                Element found = first(element, localName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
