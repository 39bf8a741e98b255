## Отметки для годового отчёта города: «Лето», направления, тематические проекты, молодёжное
tags-ask =
    Отметки для годового отчёта города — если подходят. Нажмите нужные, потом «Готово».
    Сейчас: { $tags }
tags-none = нет отметок
tags-line = Отметки: { $tags }
tag-leto = Лето
tag-youth = Молодёжное
tag-direction-civic = Гражданско-патриотическое
tag-direction-sport = Спортивное
tag-direction-creative = Творческое
tag-direction-eco = Экологическое
tag-project-cozy = Уютный Кемерово
tag-project-eco = Экологичный Кемерово
tag-project-healthy = Здоровый Кемерово
tag-project-social = Социальный Кемерово
tag-project-patriotic = Патриотичный Кемерово
tag-project-youth = Молодежный Кемерово
rep-edit-tags = 🏷 Отметки
staff-field-tags = 🏷 Отметки
