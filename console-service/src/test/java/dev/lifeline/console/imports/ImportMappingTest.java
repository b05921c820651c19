package dev.lifeline.console.imports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImportMappingTest {

    @Test
    void eachChoiceBecomesTheColumnNameContactServiceReads() {
        ImportMapping.Result result = ImportMapping.of(
                List.of("Email", "Total Spent", "City", "Default Address Country Code"),
                List.of("email", "attribute", "ignore", "country"));

        assertThat(result.ok()).isTrue();
        assertThat(result.header()).containsExactly("email", "attr.Total Spent", "ignored column 3", "country");
    }

    @Test
    void theThreeShopsExportsAreRecognisedByTheirOwnColumns() {
        assertThat(ImportPresets.detect(List.of("Customer ID", "Email", "Accepts Email Marketing")))
                .map(ImportPresets.Preset::id)
                .contains("shopify");
        assertThat(ImportPresets.detect(List.of("customer_id", "email", "billing_phone")))
                .map(ImportPresets.Preset::id)
                .contains("woocommerce");
        assertThat(ImportPresets.detect(List.of("Sale Date", "Order ID", "Full Name", "Ship Country")))
                .map(ImportPresets.Preset::id)
                .contains("etsy");
        assertThat(ImportPresets.detect(List.of("Name", "E-Mail"))).isEmpty();
    }

    @Test
    void withoutAPreset_columnsNamedAsLifelineNamesThemAreChosen_theRestIgnored_andAFieldIsFilledOnce() {
        assertThat(ImportPresets.defaults(List.of("E-Mail", "SMS consent", "Email", "Shoe size"), Optional.empty()))
                .containsExactly("email", "sms_consent", "ignore", "ignore");
    }
}
