package org.footprintledger.portal.web.editor;

import org.footprintledger.portal.web.BadRequestException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.ContentWorkflow;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.EquivalenceVersion;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.content.api.WorkflowAction;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Editors manage equivalences and tips: versions and workflow transitions (role EDITOR, by the security chain). */
@RestController
@RequestMapping("/api/v1/content")
class ContentController {

    private final EquivalenceCatalogue equivalences;
    private final EcoTips tips;
    private final ContentWorkflow workflow;

    ContentController(EquivalenceCatalogue equivalences, EcoTips tips, ContentWorkflow workflow) {
        this.equivalences = equivalences;
        this.tips = tips;
        this.workflow = workflow;
    }

    @GetMapping("/equivalences")
    List<EquivalenceVersion> equivalences() {
        return equivalences.latest();
    }

    @PostMapping("/equivalences")
    @ResponseStatus(HttpStatus.CREATED)
    EquivalenceVersion createEquivalence(@RequestBody EquivalenceInput input, Principal editor) {
        return equivalences.create(input, editor.getName());
    }

    @GetMapping("/equivalences/{itemId}/versions")
    List<EquivalenceVersion> equivalenceVersions(@PathVariable long itemId) {
        return equivalences.versions(itemId);
    }

    @PostMapping("/equivalences/{itemId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    EquivalenceVersion editEquivalence(@PathVariable long itemId, @RequestBody EquivalenceInput input,
                                       Principal editor) {
        return equivalences.edit(itemId, input, editor.getName());
    }

    @GetMapping("/tips")
    List<TipVersion> tips() {
        return tips.latest();
    }

    @PostMapping("/tips")
    @ResponseStatus(HttpStatus.CREATED)
    TipVersion createTip(@RequestBody TipInput input, Principal editor) {
        return tips.create(input, editor.getName());
    }

    @GetMapping("/tips/{itemId}/versions")
    List<TipVersion> tipVersions(@PathVariable long itemId) {
        return tips.versions(itemId);
    }

    @PostMapping("/tips/{itemId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    TipVersion editTip(@PathVariable long itemId, @RequestBody TipInput input, Principal editor) {
        return tips.edit(itemId, input, editor.getName());
    }

    /** {@code action}: submit, reject, publish or retire. */
    @PostMapping("/items/{itemId}/versions/{version}/{action}")
    Map<String, Object> transition(@PathVariable long itemId, @PathVariable int version, @PathVariable String action,
                                   Principal editor) {
        WorkflowAction parsed;
        try {
            parsed = WorkflowAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("action must be submit, reject, publish or retire, got \"" + action + "\"",
                    null, null);
        }
        ContentStatus status = workflow.apply(itemId, version, parsed, editor.getName());
        return Map.of("itemId", itemId, "version", version, "status", status);
    }
}
