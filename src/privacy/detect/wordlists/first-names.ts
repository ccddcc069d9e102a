/**
 * First names seen among residents of Dutch neighbourhoods, compiled by hand from general
 * knowledge (no external list was copied). The groups below only help maintenance; the detector
 * folds everything into one lowercase Set and also adds accent-free spellings.
 * Whitespace separates entries; a hyphenated double name is one entry.
 */

/** Dutch and Frisian, older generations (many wijkteam clients are elderly). */
const dutchOlder = `
Aad Aafke Aagje Aalt Aaltje Aart Abraham Adri Adriaan Adrianus Adrie Agatha Agnes Akke Albert Albertus
Alberdina Alida Aletta Alex Alfons Alfred Alie Anja Anke Anneke Annemarie Annie Ans Antje Antoon Ard
Arend Arie Arien Arnold Arnoud Auke Bart Bastiaan Beppie Bep Berend Bernard Bernardus Bert Berta Bertha
Bertus Betsie Betty Bets Bouke Boudewijn Bram Brecht Carel Carla Catharina Cees Christina Christiaan
Cobi Cobie Coby Cock Cor Cora Cornelis Cornelia Corrie Corry Cootje Dik Dick Diederik Dieuwke Dina Dini
Dirk Dirkje Dora Douwe Dries Drika Egbert Eelco Elly Els Elsje Engel Evert Ferdinand Femmigje
Fenna Fokke Frans Francien Frederik Freek Frits Froukje Gerard Gerardus Gerben Gerda Gerdien Gerrie
Gerrit Gert Geert Geertje Gijsbert Gonny Govert Greet Greetje Grietje Guus Hanneke Hannie Hans Harm
Harmen Heiltje Hein Hendrik Hendrika Hendrikus Henk Henny Henri Herman Hermien Hilda Hillegonda Hinke
Hubert Huib Huub Ida Ineke Jaap Jacob Jacoba Jacobus Jan Janneke Jannes Jannie Janny Jans Jantje Jeltje
Jelle Jenny Jet Jo Joke Joop Joos Jopie Jos Jozef Jurjen Kees Klaas Klaasje Koos Kornelis Leen Leendert
Lenie Lien Lies Liesbeth Lodewijk Lotje Lucas Maarten Marinus Marietje Mien Mientje Mies Miep Minke
Neeltje Nel Nelis Nelleke Nelly Nico Nies Pieternella Piet Pietje Pieter Petrus Reinier Riek Rie
Riet Rieks Rien Rinus Roelof Roel Rudolf Siebe Sientje Sijtje Sjaak Sjoerd Sjaan Stien Stijntje Teun
Teuntje Theo Thea Tiny Tjeerd Tjitske Toon Toos Trees Trijntje Truus Ton Tonnie Wiebe Wiepke Willem
Willemijn Willemien Wilhelmina Wim Wijnand Wijnie Wout Wouter Wybren Ymkje Yde Zwaantje
`;

/** Dutch, middle and younger generations. */
const dutchYounger = `
Aaron Abe Adam Alexander Amber Amy Anna Anne Annelies Annemijn Anouk Arjan Arjen Arno Astrid Babette
Barbara Bas Bente Benthe Bianca Bjorn Björn Bob Boaz Bo Boris Brenda Britt Bryan Brian Carlijn Carolien
Caroline Cas Casper Charlotte Chantal Chris Cindy Claire Coen Colin Daan Danique Daniëlle Danielle
Daphne David Dean Demi Dennis Dewi Dex Diana Dianne Diede Dylan Eline Elise Ellen Elske Emma Erik Erwin
Esmee Esmée Esther Eva Evelien Evi Evy Fabian Famke Femke Fem Fenne Finn Fleur Floor Floris Frank
Freya Gijs Hanna Hannah Hanne Heleen Hidde Hugo Ilse Imke Inge Ingrid Iris Isa Isabel Isabella
Isabelle Ivo Jacqueline Janine Janne Jasmijn Jasper Jayden Jeanette Jelmer Jens Jeroen Jesper Jesse
Jessica Jill Jip Job Jochem Joep Joey Johan Johanna Jolanda Jolien Jonas Joost Jordy Joris Joshua Joyce
Judith Julia Julian Julie Jurre Justin Karin Karlijn Kelly Kevin Kiki Kim Koen Lara Lars Laura Lauren
Laurens Lea Lieke Lieve Lisa Lisanne Liv Lizzy Loes Lotte Luc Luca Lucas Luuk Lynn Maaike Maartje
Manon Marcel Marco Mariska Marit Marjolein Mark Marleen Marloes Martijn Mats Matthijs Maud Max Mees
Melissa Menno Merel Michiel Mike Mila Milan Milou Mirjam Mirte Mirthe Monique Myrthe Naomi Nathalie
Nick Niek Niels Nienke Nina Noa Noah Noor Noortje Nora Olivier Patrick Pepijn Petra Pim Puck Quinten
Ralph Remco Rens Renske Rianne Richard Rick Rik Rob Robbert Robert Robin Roel Romy Ronald Roos Rosa
Ruben Rutger Ruud Sam Sander Sandra Sanne Sara Sarah Saskia Sebastiaan Sem Siem Simone Sjors Sofie
Sophie Stan Stefan Stijn Suzanne Sven Tamara Tanja Tess Tessa Teun Thijs Thomas Tijn Tim Timo Tom
Tristan Valerie Vera Vincent Wendy Wesley Wessel Willem-Jan Jan-Willem Jan-Peter Anne-Marie Anne-Fleur
Yara Yvonne Yvette Zoë Zoe Zara Linda Marieke Marije Mariëlle Mieke Miranda Natasja Nicole Patricia
Priscilla Rachel Ramona Rebecca Sabine Sharon Stephanie Suus Wilma Yvon Ellis Femmie Gwen Ilona
Jorien Lianne Linde Lot Loek Luna Maxime Merijn Mick Mitchell Nadine Nils Olaf Otto Owen Pieter-Jan
Quinn Ravi Renate Roy Sietske Silvia Sjoerdje Soraya Ties Tijmen Tobias Twan Vince Xander Yannick Youri
Dirk-Jan Bram-Jan Evert-Jan Hans-Peter Jan-Kees Karel Kasper Lodewijk Mathijs Maurits Melle Noud
Olivia Pien Rosalie Saar Sterre Thirza Valentijn Veerle Wouter Yfke Zeger Eefje Hester Josien Marjan
Marga Margreet Margriet Martine Mirella Paula Pauline Petronella Renée Rianne Ria Rina Rita Rineke
Sonja Tineke Trudy Ank Annet Annette Bernadette Brigitte Carin Christa Clara Dorien Elisabeth Ellen
Evelyn Gea Hennie Hetty Ina Irma Janet Jolanda Karina Lidwien Marian Marianne Marja Marjon Marlies
Martha Mirjam Nancy Nanda Ria Rosanne Sandra Sylvia Thera Tonny Yolanda Wendela Willy Hendrien
`;

/** Turkish and Kurdish. */
const turkish = `
Ahmet Mehmet Mustafa Ali Hüseyin Hasan İbrahim Ibrahim İsmail Ismail Osman Yusuf Murat Ömer Omer
Ramazan Halil Süleyman Suleyman Abdullah Mahmut Recep Salih Kemal Orhan Erkan Emre Burak Serkan Hakan
Volkan Fatih Onur Tolga Gökhan Gokhan Cem Kaan Kerem Emir Arda Berat Enes Eymen Furkan Mert Oğuz Oguz
Okan Selim Serdar Sinan Tarık Tarik Umut Yasin Yiğit Yigit Yunus Zeki Levent Ercan Erdal Ferhat Metin
Nihat Şükrü Necati Cengiz Taner Tayfun Adem Bayram Bülent Bulent Cihan Deniz Ersin İlhan Ilhan Kadir
Kenan Erol Erdem Eren Ertan Ilker İlker Koray Sedat Sercan Tuncay Turgut Uğur Ugur Yavuz Yılmaz Hamza
Hakkı Hikmet Nurettin Sabri Şahin Seyit Sezgin Tahsin Veli Yakup Yaşar Zafer Batuhan Baran Berkay Doruk
Efe Ege Emirhan Mirac Miraç Muhammet Özgür Ozgur Rüzgar Taha Tuna Yağız Alparslan Aras Ayaz Azad Baris
Barış Dilan Rojda Rojin Berfin Zelal Hevin Şirin Sirin Ronahi Jiyan Welat Serhat Rezan Ciwan
Fatma Ayşe Ayse Emine Hatice Zeynep Elif Meryem Şerife Serife Sultan Hanife Havva Zehra Hülya Hulya
Özlem Ozlem Esra Merve Büşra Busra Kübra Kubra Tuğba Tugba Sevgi Gül Gul Gülsüm Songül Nurcan Aysel
Aylin Ayten Derya Dilek Ebru Filiz Gamze Hande Hacer Sibel Selin Serpil Seda Sema Sevim Şeyma Seyma
Tülay Yasemin Yeliz Zübeyde Melek Leyla Nilüfer Pınar Pinar Semra Canan Berna Burcu Cansu Ceren Damla
Ecem Ela Esma Ezgi İrem Irem Melike Nazlı Rabia Rukiye Saliha Selma Sümeyye Tuba Zerrin Asiye Ayfer
Bahar Belgin Beyza Birgül Çiğdem Cigdem Dilara Duygu Elvan Emel Emine Eda Feride Figen Gönül Gulsen
Gülşen Güler Gülay Hacer Hilal Ilknur İlknur Kader Meltem Mine Mualla Necla Nermin Neslihan Nesrin
Nur Nuray Nurten Perihan Reyhan Sabriye Şengül Sengul Sevda Sevgül Sultan Şükran Tülin Ümran Yıldız
Zuhal Zümrüt Aleyna Azra Defne Duru Eylül Nehir Elifnur Hiranur Asya Ecrin Miray Zehra
`;

/** Moroccan, Algerian, Tunisian and other North-African. */
const maghreb = `
Mohamed Mohammed Mohammad Muhammad Mohamad Mhamed Ahmed Ahmad Youssef Yousef Youssouf Yussuf Khalid
Khaled Rachid Rashid Abdelkader Abdelaziz Abdellah Abdelhak Abdelali Abdeslam Abderrahim Abderrahman
Abdelkarim Abdelhamid Abdelmajid Abdelilah Abdel Aziz Mustapha Mostafa Moustafa Hamid Hassan Hussein
Hicham Hisham Driss Idriss Idris Jamal Karim Khalil Larbi Mimoun Mohsin Nabil Nordin Noureddine
Nourdin Omar Othman Otman Redouan Ridouan Redouane Said Saïd Samir Soufiane Sofiane Tarik Tariq Yassine
Yassin Younes Younesse Zakaria Zakariya Zouhair Bilal Ayoub Anouar Anwar Amine Adil Ilias Ilyas Mehdi
Nassim Reda Salah Sofyan Walid Yahya Yassir Achraf Ashraf Badr Brahim Fouad Hakim Jaouad Jawad Lahcen
Mounir Mourad Naoufal Naoufel Oussama Usama Rida Tarek Abdou Aissa Ali Allal Azzedine Boubker Chakib
Faouzi Fouzi Hafid Hamza Hassane Houssine Jilali Kamal Lahoucine Mbarek Mehdi Moha Mokhtar Moulay
Mustafa Nourdine Rachad Rabie Rachidi Salem Sami Smail Taoufik Toufik Yassir Zakaria Zouheir Soufyan
Marouane Marwan Mouad Anass Anas Ayman Aymane Hamdi Imad Imran Ismaël Nizar Wassim Ziyad Zyad Mounia
Fatima Fatiha Fadma Khadija Khadidja Aicha Aïcha Aisha Naima Naïma Malika Samira Latifa Rachida Nadia
Hanane Hanan Houda Ilham Imane Iman Jamila Karima Laila Leila Loubna Meryem Mariam Maryam Myriam Najat
Nora Nouria Rabia Saida Saïda Salma Sanae Siham Soumaya Souad Wafa Yamina Yasmina Zahra Zineb Zoubida
Zohra Amal Asmae Asma Btissam Ibtissam Chaima Chaimae Dounia Donia Farah Ghizlane Hafsa Hajar Hind
Ikram Kawtar Khaoula Lamia Malak Manal Nawal Nisrine Nour Rim Safae Safa Selma Sihame Touria Yousra
Zakia Zaina Zainab Fatna Fouzia Habiba Hafida Hakima Halima Hayat Hasna Hanae Jihane Kenza Khadouj
Latefa Mina Mimount Mouna Nadira Naoual Nezha Rahma Saadia Sakina Samia Sana Sarah Souhaila
Wiam Yasmine Zhor Zoulikha Aya Ayat Hiba Ilhame Imene Inas Lina Lamyae Marwa Maroua Nada Oumaima
Salima Sabrina Sofia Soukaina Warda Yasmin Ikrame Mouhcine Fadoua Sanaa Houria Fatim Rkia
`;

/** Syrian, Iraqi, Palestinian, Lebanese, Egyptian, Afghan and Iranian. */
const middleEast = `
Khaled Mahmoud Mahmud Mohannad Muhannad Ammar Anas Bashar Fadi Firas Ghassan Haitham Hani Hussam Imad
Issa Jihad Kamal Maher Majd Marwan Mazen Nizar Qusay Rami Riad Riyad Samer Tamer Wael Yaser Yasser Zaid
Zaher Ziad Abdulrahman Abdulkarim Abdulaziz Abdallah Aref Farid Farhad Faisal Fares Habib Javad Mansour
Mehran Milad Navid Reza Saeed Shahram Sohrab Wahid Zabih Zabihullah Naser Nasser Jaber Jamil Kareem
Karam Louay Luay Mazin Moataz Muaz Mutasem Nabeel Nader Osama Qasem Qassem Rabih Saad Sameer Shadi
Tareq Wissam Yazan Yamen Zain Hadi Hussain Husein Abbas Alaa Ahmadullah Ajmal Amanullah Bahram Baktash
Daoud Dawood Ehsan Fawad Ghulam Hamed Hamid Hamidullah Hassan Hedayat Jalal Jawid Kabir Khan Mahdi
Masoud Massoud Mehdi Mohsen Mojtaba Morteza Mujtaba Nasrullah Nawid Omid Parviz Rahim Rahmat Rashed
Sadeq Sajad Sajjad Samim Shafiq Sharif Shoaib Sohail Tahir Waheed Wahidullah Yama Zaki Zalmai
Rania Rasha Reem Rima Hala Ghada Dima Lama Lina Noura Rawan Ruba Sahar Samar Suha Heba Hiba Huda Maha
Mona Mouna Nisreen Nesrin Raghad Shaima Shaimaa Zeinab Zainab Aya Alaa Asmaa Bushra Dalia Duaa Doaa
Fatemeh Farzana Mahbooba Parisa Roya Shirin Soraya Nargis Laleh Negin Nasrin Niloufar Azadeh Maryam
Aziza Bano Farida Fariba Fereshteh Gulalai Hamida Homa Khatera Leyla Malalai Mahnaz Marzieh Masoumeh
Mina Mitra Nadia Nahid Nazanin Parwana Rahima Razia Roqia Sadaf Samira Shabnam Shakila Sima Simin
Soheila Tahmina Yalda Zahra Zarghona Zohal Abir Amani Amira Areej Batoul Farah Ghalia Hanadi Inas
Israa Jana Joud Judy Lamar Lana Layal Majd Manar Marah Nour Rahaf Rand Rasha Razan Reema Rouba Sama
Sawsan Sidra Tala Wafaa Widad Yasmeen Zeina Aseel Ayat Dana Hadeel Haya Huda Ilaf Jumana Kholoud
`;

/** Somali, Eritrean, Ethiopian and other East and West African. */
const african = `
Abdi Abdirahman Abdullahi Abdikarim Abdiaziz Abdirizak Abdiwali Abdulkadir Ayanle Bashir Guled Hassan
Jama Liban Mahad Mohamud Mukhtar Nur Nuur Warsame Yusuf Farah Hodan Hawa Faadumo Fadumo Ayaan Ifrah
Sahra Khadra Amina Asha Nasra Hibaq Hamdi Deeqa Sagal Sucaad Sulekha Ubah Muna Nimco Qamar Ladan Idil
Yonas Yohannes Johannes Tesfay Tesfaye Tesfu Ermias Filmon Merhawi Mehari Berhane Kidane Tekle Tewelde
Dawit Habtom Haile Mussie Semere Robel Henok Biniam Yemane Amanuel Aman Goitom Kibrom Solomon Senay
Mulugeta Mesfin Tsegay Tsegaye Yosief Yirgalem Zerisenay Abel Natnael Fitsum Awet Eyob Michael
Semhar Senait Selam Hiwet Saba Luwam Mebrat Freweyni Winta Rahel Eden Abeba Almaz Tsega Yordanos
Selamawit Meron Feven Helen Elsa Lidya Mahlet Nardos Tigist Bethlehem Rahwa Ruta Senayt Simret Wegahta
Kwame Kofi Kojo Kwabena Yaw Ama Akosua Abena Efua Adjoa Chinedu Emeka Ngozi Chioma Oluwaseun Tunde
Folake Bola Ibrahima Mamadou Moussa Oumar Amadou Fatoumata Aminata Mariama Awa Kadiatou Mariam Ousmane
`;

/** Surinamese, Hindostani, Javanese, Antillean and Cape Verdean. */
const caribbean = `
Radjesh Rajesh Sunil Anil Anand Ashwin Dinesh Ramesh Mahesh Suresh Navin Nitin Rishi Sanjay Vikash
Vishal Kishan Kiran Amit Arvind Deepak Prakash Ravindra Roshan Shiwani Shanti Sharda Sita Radha Priya
Anita Sunita Kavita Reshma Rekha Savitri Sharmila Usha Indira Kamla Nirmala Soenita Soeshila Rabien
Errol Glenn Ramon Romano Rodney Ricardo Orlando Winston Clifton Clyde Humphrey Hortence Gladys Marlon
Melvin Edson Gregory Sheila Shirley Jennifer Marcia Germaine Urvin Natasja Jurgen Giovanni Dave Angelo
Shurandy Jurich Gino Rayvano Jairzinho Ruchella Shakira Giselle Jeanine Chenelva Ashley Jayden Kenneth
Roel Stanley Steve Stephen Gerold Harold Iwan Jerrel Julio Kenrick Lloyd Marciano Maurice Norman
Orville Percy Ronny Rudy Sergio Sherwin Shawn Terrence Tyrone Vernon Wendell Armand Hugo Ludwig
Aarti Anjali Bhawna Chandra Devika Geeta Gita Indra Jyoti Kamini Lakshmi Lalita Meena Nisha Pooja
Poonam Rani Renu Rita Roshni Sangita Santosh Sarita Shalini Shanta Shila Soerinder Sudesh Varsha
Bhagwandin Dewkoemar Ramdas Rakesh Rajendra Radjendre Soekdew Soeresh Ganesh Hemradj Jitendra Ashok
Wiranto Sugiarto Sukirman Sri Tini Wati Sumini Suparman Karijo Pawiro Soeparman Reginald Alfredo
Eugène Eugene Ivette Mireille Marisol Rosalinda Milagros Yanira Jeffrey Sharlon Sharleen Shanice
Chanel Kimberley Naomi Quincy Romario Jaïr Jair Nelson Edwin Elton Pedro Fidel Manuel Ilario
`;

/** Polish, Ukrainian, Russian, Romanian, Bulgarian, Balkan and Baltic. */
const eastEurope = `
Piotr Krzysztof Tomasz Paweł Pawel Marcin Michał Michal Łukasz Lukasz Jakub Mateusz Andrzej Grzegorz
Wojciech Kamil Rafał Rafal Dariusz Marek Jarosław Jaroslaw Mariusz Sławomir Slawomir Zbigniew Janusz
Bartosz Damian Dawid Artur Przemysław Przemyslaw Szymon Sebastian Kacper Filip Adrian Krystian Konrad
Katarzyna Agnieszka Małgorzata Malgorzata Joanna Magdalena Monika Ewa Elżbieta Elzbieta Beata
Dorota Aleksandra Natalia Karolina Justyna Paulina Weronika Marta Izabela Iwona Renata Sylwia Kinga
Zuzanna Wiktoria Oliwia Jolanta Grażyna Grazyna Halina Krystyna Bożena Bozena Teresa Urszula Wanda
Agata Alicja Aneta Anita Edyta Emilia Gabriela Hanna Irena Jadwiga Klaudia Marzena Marianna Milena
Olena Oksana Iryna Irina Natalja Tetiana Tatjana Tatiana Tatyana Svitlana Svetlana Olga Lyudmila
Ljoedmila Yulia Julija Kateryna Ekaterina Anastasia Anastasiia Daria Darja Viktoria Valentyna Halyna
Larysa Larisa Nadiya Nadezhda Oleksandr Oleksandra Olexandr Dmytro Dmitri Dmitry Andriy Andrij Serhiy
Sergei Sergey Sergii Volodymyr Vladimir Mykola Nikolai Nikolaj Ivan Petro Yuriy Yuri Joeri Vitaliy
Vasyl Bohdan Maksym Maxim Artem Artjom Taras Ihor Igor Roman Pavlo Pavel Anatoliy Viktor Vadym Vadim
Alina Alyona Inna Lilia Liliya Marina Maryna Sofiia Solomiia Uliana Vira Zoya Denys Denis Oleh Oleg
Yevhen Evgeny Kostiantyn Konstantin Stanislav Yaroslav Anton Arseniy Bogdan Danylo Illia Ilya Kyrylo
Ion Ionut Ionuț Andrei Mihai Gheorghe Vasile Constantin Florin Cristian Marius Nicolae Daniela Elena
Ioana Mihaela Andreea Georgiana Alexandru Catalin Cătălin Ciprian Costel Dorin Dumitru Lucian Ovidiu
Razvan Răzvan Sorin Valentin Viorel Adina Alina Anca Camelia Corina Cristina Florentina Loredana
Lavinia Luminita Luminița Nicoleta Ramona Roxana Simona Violeta Georgi Dimitar Hristo Stoyan Nikolay
Petar Todor Yordan Desislava Galina Radka Snezhana Svetla Tsvetelina Yana Vesela Borislav Plamen
Krasimir Lyubomir Emil Kiril Zlatko Mirela Ivana Jelena Milica Dragana Marija Nikola Milan Goran Zoran
Dragan Dejan Nenad Vesna Snežana Arben Besnik Blerim Fatmir Valon Driton Edona Arta Blerta Leutrim
Jonas Tomas Mantas Darius Rasa Ieva Aigars Janis Kristaps Laura Inga Ilze Andris Raimonds
`;

/** Other common international names (English, French, Spanish, Portuguese, Italian, Asian). */
const international = `
James John Michael William Richard Joseph Charles Thomas Christopher Daniel Matthew Anthony Donald
Steven Paul Andrew Joshua Kenneth George Edward Brian Ronald Timothy Jason Jeffrey Ryan Jacob Gary
Nicholas Eric Jonathan Larry Justin Scott Brandon Benjamin Samuel Frank Gregory Raymond Alexander
Patrick Jack Dennis Jerry Tyler Aaron Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy
Ethan Carl Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Jesse Joe Bryan Billy Jordan
Albert Dylan Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis
Philip Bobby Johnny Bradley Mary Patricia Linda Elizabeth Jennifer Maria Susan Margaret Dorothy Lisa
Nancy Karen Betty Helen Sandra Donna Carol Ruth Sharon Michelle Laura Sarah Kimberly Deborah Jessica
Shirley Cynthia Angela Melissa Brenda Amy Anna Rebecca Virginia Kathleen Pamela Martha Debra Amanda
Stephanie Carolyn Christine Marie Janet Catherine Frances Ann Joyce Diane Alice Julie Heather Teresa
Doris Gloria Evelyn Jean Cheryl Mildred Katherine Joan Ashley Judith Rose Janice Kelly Nicole Judy
Christina Kathy Theresa Beverly Denise Tammy Irene Jane Lori Rachel Marilyn Andrea Kathryn Louise Sara
Anne Jacqueline Wanda Bonnie Julia Ruby Lois Tina Phyllis Norma Paula Diana Annie Lillian Emily Robin
Peggy Crystal Gladys Rita Dawn Connie Florence Tracy Edna Tiffany Carmen Rosa Cindy Grace Wendy Victoria
Edith Kim Sherry Sylvia Josephine Thelma Shannon Sheila Ethel Ellen Elaine Marjorie Carrie Charlotte
Monica Esther Pauline Emma Juanita Anita Rhonda Hazel Amber Eva Debbie April Leslie Clara Lucille
Jamie Joanne Eleanor Valerie Danielle Megan Alicia Suzanne Michele Gail Bertha Darlene Veronica Jill
Erin Geraldine Lauren Cathy Joann Lorraine Lynn Sally Regina Erica Beatrice Dolores Bernice Audrey
Yvonne Annette June Samantha Marion Dana Stacy Ana Renee Ida Vivian Roberta Holly Brittany Melanie
Loretta Yolanda Jeanette Laurie Katie Kristen Vanessa Alma Sue Elsie Beth Jeanne Vicki Carla Tara
Rosemary Eileen Terri Gertrude Lucy Tonya Ella Stacey Wilma Gina Kristin Jessie Natalie Agnes Vera
Willie Charlene Bessie Delores Melinda Pearl Arlene Maureen Colleen Allison Tamara Joy Georgia
Constance Lillie Claudia Jackie Marcia Tanya Nellie Minnie Marlene Heidi Glenda Lydia Viola Courtney
Marian Stella Caroline Dora Jo Vickie Mattie Terry Maxine Irma Mabel Marsha Myrtle Lena Christy
Deanna Patsy Hilda Gwendolyn Jennie Nora Margie Nina Cassandra Leah Penny Kay Priscilla Naomi Carole
Brandy Olga Billie Dianne Tracey Leona Jenny Felicia Sonia Miriam Velma Becky Bobbie Violet Kristina
Toni Misty Mae Shelly Daisy Ramona Sherri Erika Katrina Claire Lindsay Lindsey Jean-Pierre Pierre
Jacques Philippe Michel Alain Bernard Christophe Nicolas Olivier Sébastien Sebastien Stéphane Laurent
Frédéric Thierry Didier Patrice Pascal Yves Benoît Antoine Mathieu Julien Romain Guillaume Maxime
Camille Chloé Manon Léa Amélie Céline Sophie Nathalie Isabelle Sylvie Véronique Valérie Aurélie Élodie
Carlos Jose José Luis Miguel Jorge Pedro Alejandro Javier Fernando Francisco Antonio Manuel Rafael
Diego Pablo Andrés Sergio Raúl Ricardo Eduardo Roberto Mario Alberto Enrique Ramón Ramon Lucía Lucia
Sofía Sofia Valentina Isabella Camila Mariana Gabriela Daniela Paula Elena Carmen Rosa Ana Laura Marta
João Joao Paulo Tiago Rui Nuno Bruno Vítor Vitor Fábio Fabio Inês Ines Beatriz Leonor Matilde Mariana
Giuseppe Giovanni Francesco Marco Alessandro Andrea Luca Matteo Lorenzo Davide Simone Federico Stefano
Giulia Chiara Francesca Federica Alessia Martina Silvia Valeria Elisa Sara Jasmin Wei Ming Hui Lan Mei
Ling Xiao Jun Hong Hua Yan Ying Jing Tuan Minh Thanh Linh Hoa Mai Anh Duc Hung Quang Thao Trang
Ravi Arjun Rahul Rohit Vikram Aditya Akshay Neha Pooja Sneha Divya Ananya Aisha Ayesha Fatma Fatimah
Hamza Imran Irfan Kashif Nadeem Naveed Rizwan Salman Tariq Usman Waqas Zeeshan Bilal Saima Sana Uzma
Nanda Wendy Hanneke Sigrid Astrid Ingeborg Kirsten Karen Lars Anders Sven Nils Erik Björn Ola Kari
`;

/** Current popular choices for children and teenagers. */
const children = `
Aaliyah Abigail Ada Adriana Aimée Alexandra Aleyna Alicia Alina Alisa Aliya Aliyah Alyssa Amalia Amara
Amaya Amelia Amelie Amina Amira Angelina Annabel Ariana Arya Aurora Ava Ayla Azra Bella Bibi Bobbie Cato
Celine Céline Chelsey Chloe Coco Daisy Dana Davina Defne Dina Djenna Dominique Doris Dua Eef Ela
Eleanor Eliana Elif Elin Elina Elisa Eliza Ella Elle Elodie Emilia Emilie Emily Emmy Esma Evie Fabiënne
Fay Faye Febe Feline Féline Fenna Fien Fiene Fiep Filou Flore Florence Florine Gaia Gigi Giulia Grace
Guusje Hailey Hayley Helena Hidaya Hira Imani Inara Inaya Indy Ines Isabeau Isra Iva Ivy Izzy Jada Jade
Jana Jane Janna Jara Jayda Jazz Jenna Jente Jess Jessie Jette Jinte Joanna Jolie Jolijn Josefien
Josephine Joy Joëlle Jula Jule Juliette June Juno Juul Kate Kato Kaylee Kayleigh Keet Kensi Kenza Kiara
Kira Kyara Kyra Lana Laure Layla Leah Lena Lenne Lexi Leyla Lia Lien Lilian Liliana Lilly Lilou Lily
Lina Linn Lise Liselotte Livia Liz Liza Loa Lois Lola Lorena Lott Louise Lucie Lucy Luus Lydia Maan
Madelief Mae Maeve Maja Malou Mara Maren Marie Marly Mathilde Maya Mayra Medina Megan Meike Melina
Melisa Melody Merle Mette Meyra Mia Milana Milena Miley Milly Mina Mira Mirre Myla Myra Nadia Nela
Nena Nikki Nila Nine Nisa Noami Nola Nomi Nore Nova Novi Nynke Phileine Pip Pippa Pleun Pola Puk Quinty
Romee Rose Rosie Roxy Ruby Safa Safiya Sanna Sare Selena Selina Sena Sienna Silke Skye Sofia Sophia
Stella Suze Tara Teddy Tirza Valentina Vanessa Victoria Vienna Vivian Vivienne Wende Wies Yasmin Yasmine
Yenthe Yinthe Yuna Zeynep Ziva Zoey Zofia Zuzanna Ace Aiden Amir Armin Aron Axel Ayden Benja Bentley
Bodhi Boet Brent Bruno Chase Collin Daley Damian Daniël Dante Davi Davy Deen Devin Dion Djayden Dominik
Donny Dorian Duco Duuk Eden Eli Elias Elijah Emin Ensar Enzo Eray Evan Ezra Faas Fedde Felix Ferre
Finley Flynn Frederik Frenkie Fynn Gabriël Gideon Giel Harvey Huub Ian Isaac Jace Jackson Jaivey Jake
Jakob Jari Jax Jaxon Jay Jayce Jaylen Jayson Jefta Jelte Jeppe Jidde Jim Jimmy Joah Joas Joes Jona
Jonah Jop Jorn Jorrit Jort Jules Julius Jur Kai Kaj Kay Kayden Keano Kenji Kenzo Kian Kick Krijn Kyan
Lasse Len Lenn Lennon Lennox Leo Leon Leonardo Levi Levy Lewis Lex Liam Lieuwe Loet Lorenzo Louie Luka
Lukas Luke Mads Malik Manu Marcus Marijn Mason Mateo Matteo Mels Mex Micah Mik Mika Milo Mink Morris
Moussa Mylan Nathan Nino Noam Nolan Noël Odin Ole Oliver Oscar Oskar Otis Pelle Quin Raf Rafael Rayan
Rohan Rowan Ryan Seb Sepp Seppe Senn Senne Sil Silas Sjors Sten Storm Sverre Thiago Thijmen Thom Tijs
Tobias Toby Tycho Tygo Tyler Umut Valentino Viggo Vigo Wolf Wout Xavi Xavier Yahya Younes Youp Yves
Zayd Zayn
`;

export const FIRST_NAME_DATA = [
  dutchOlder,
  dutchYounger,
  turkish,
  maghreb,
  middleEast,
  african,
  caribbean,
  eastEurope,
  international,
  children,
].join(' ');
