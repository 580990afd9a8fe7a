package org.childprotection.registry.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** Registration bodies: a valid one to start from, changed by each test in the one place it is about. */
public final class Registrations {

    public static final String VILLAGE = "110101001001";
    public static final String CHILD_NAME = "王小明";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Registrations() {
    }

    public static ObjectNode valid() {
        return valid(CaseSteps.today().minusYears(9).withDayOfMonth(1));
    }

    public static ObjectNode valid(LocalDate dateOfBirth) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode child = body.putObject("child");
        child.put("name", CHILD_NAME);
        child.put("sex", "M");
        child.put("dateOfBirth", dateOfBirth.toString());
        child.put("idNumber", idNumber(dateOfBirth));
        child.put("hukou", "RURAL");
        child.put("villageCode", VILLAGE);
        child.put("school", "东风小学");
        body.putObject("father").put("status", "MIGRATED").put("workLocation", "广东省深圳市");
        body.putObject("mother").put("status", "MIGRATED");
        body.putObject("caregiver").put("name", "王奶奶").put("relationship", "GRANDPARENT").put("age", 68)
                .put("capacity", "LIMITED");
        ObjectNode report = body.putObject("report");
        report.put("source", "SCHOOL");
        report.putArray("triggers");
        report.put("description", "常常放学后一个人在家");
        return body;
    }

    /** A resident ID number of a child born on that day, in Beijing's Dongcheng district, with its check char. */
    public static String idNumber(LocalDate dateOfBirth) {
        return idNumber(dateOfBirth, "123");
    }

    /** The same, with another three-digit sequence: another child born that day, or a corrected number. */
    public static String idNumber(LocalDate dateOfBirth, String sequence) {
        String first17 = "110101" + dateOfBirth.toString().replace("-", "") + sequence;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
