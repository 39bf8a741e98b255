## Marks for the city's annual report: «Лето», directions, thematic projects, youth
tags-ask =
    Marks for the city's annual report, if they fit. Tap the ones that apply, then «Done».
    Now: { $tags }
tags-none = no marks
tags-line = Marks: { $tags }
tag-leto = Summer («Лето»)
tag-youth = Youth
tag-direction-civic = Civic and patriotic
tag-direction-sport = Sports
tag-direction-creative = Creative
tag-direction-eco = Ecological
tag-project-cozy = Cosy Kemerovo
tag-project-eco = Green Kemerovo
tag-project-healthy = Healthy Kemerovo
tag-project-social = Social Kemerovo
tag-project-patriotic = Patriotic Kemerovo
tag-project-youth = Young Kemerovo
rep-edit-tags = 🏷 Marks
staff-field-tags = 🏷 Marks
